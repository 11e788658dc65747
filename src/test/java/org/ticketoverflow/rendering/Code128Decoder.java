package org.ticketoverflow.rendering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Code-128 reader for tests, independent of {@link Code128}: its symbol table is written as module
 * strings (1 = bar) taken from ZXing's reader, and it reads the bars back from the drawn SVG path.
 */
final class Code128Decoder {

    private static final List<String> SYMBOLS = Arrays.asList("""
            11011001100 11001101100 11001100110 10010011000 10010001100 10001001100
            10011001000 10011000100 10001100100 11001001000 11001000100 11000100100
            10110011100 10011011100 10011001110 10111001100 10011101100 10011100110
            11001110010 11001011100 11001001110 11011100100 11001110100 11101101110
            11101001100 11100101100 11100100110 11101100100 11100110100 11100110010
            11011011000 11011000110 11000110110 10100011000 10001011000 10001000110
            10110001000 10001101000 10001100010 11010001000 11000101000 11000100010
            10110111000 10110001110 10001101110 10111011000 10111000110 10001110110
            11101110110 11010001110 11000101110 11011101000 11011100010 11011101110
            11101011000 11101000110 11100010110 11101101000 11101100010 11100011010
            11101111010 11001000010 11110001010 10100110000 10100001100 10010110000
            10010000110 10000101100 10000100110 10110010000 10110000100 10011010000
            10011000010 10000110100 10000110010 11000010010 11001010000 11110111010
            11000010100 10001111010 10100111100 10010111100 10010011110 10111100100
            10011110100 10011110010 11110100100 11110010100 11110010010 11011011110
            11011110110 11110110110 10101111000 10100011110 10001011110 10111101000
            10111100010 11110101000 11110100010 10111011110 10111101110 11101011110
            11110101110 11010000100 11010010000 11010011100 1100011101011
            """.strip().split("\\s+"));

    private static final Pattern BAR = Pattern.compile("M([\\d.]+) ([\\d.]+)h([\\d.]+)v([\\d.]+)h-([\\d.]+)z");

    private Code128Decoder() {}

    /** Reads the {@code d} of the ticket's barcode path: bars are horizontal strips stacked top to bottom. */
    static String decodePath(String d) {
        List<double[]> bars = new ArrayList<>();
        Matcher matcher = BAR.matcher(d);
        int consumed = 0;
        while (matcher.find()) {
            if (matcher.start() != consumed) {
                throw new IllegalArgumentException("unexpected path data at " + consumed);
            }
            consumed = matcher.end();
            bars.add(new double[] {Double.parseDouble(matcher.group(2)), Double.parseDouble(matcher.group(4))});
        }
        if (consumed != d.length() || bars.isEmpty()) {
            throw new IllegalArgumentException("not a barcode path: " + d);
        }
        bars.sort((a, b) -> Double.compare(a[0], b[0]));
        List<Double> widths = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            if (i > 0) {
                double[] previous = bars.get(i - 1);
                widths.add(bars.get(i)[0] - (previous[0] + previous[1]));
            }
            widths.add(bars.get(i)[1]);
        }
        return decode(widths);
    }

    /** @param widths alternating bar and space widths in any unit, starting and ending with a bar */
    static String decode(List<Double> widths) {
        double startWidth =
                widths.subList(0, 6).stream().mapToDouble(Double::doubleValue).sum();
        double module = startWidth / 11;
        StringBuilder modules = new StringBuilder();
        for (int i = 0; i < widths.size(); i++) {
            long count = Math.round(widths.get(i) / module);
            if (count < 1 || count > 4 || Math.abs(widths.get(i) / module - count) > 0.1) {
                throw new IllegalArgumentException("element " + i + " is " + widths.get(i) / module + " modules");
            }
            modules.append((i % 2 == 0 ? "1" : "0").repeat((int) count));
        }
        String symbol = modules.toString();
        if (!symbol.endsWith(SYMBOLS.get(106)) || (symbol.length() - 13) % 11 != 0) {
            throw new IllegalArgumentException("no stop pattern");
        }
        List<Integer> values = new ArrayList<>();
        for (int at = 0; at < symbol.length() - 13; at += 11) {
            int value = SYMBOLS.indexOf(symbol.substring(at, at + 11));
            if (value < 0 || value > 105) {
                throw new IllegalArgumentException("unknown symbol at module " + at);
            }
            values.add(value);
        }
        if (values.size() < 3 || values.getFirst() != 104) {
            throw new IllegalArgumentException("does not start with start B: " + values);
        }
        int checksum = 104;
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < values.size() - 1; i++) {
            checksum += i * values.get(i);
            text.append((char) (values.get(i) + 32));
        }
        if (checksum % 103 != values.getLast()) {
            throw new IllegalArgumentException("bad checksum: " + values);
        }
        return text.toString();
    }
}
