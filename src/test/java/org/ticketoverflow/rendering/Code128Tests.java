package org.ticketoverflow.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Code128Tests {

    @Test
    void framesDataWithStartBChecksumAndStop() {
        String modules = modules(Code128.encode("A"));

        // start B, 'A' (value 33), check (104 + 33) % 103 = 34, stop
        assertThat(modules).isEqualTo("11010010000" + "10100011000" + "10001011000" + "1100011101011");
    }

    @Test
    void everyPrintableAsciiCharacterDecodesBack() {
        String all = IntStream.rangeClosed(32, 127)
                .mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining());

        assertThat(Code128Decoder.decode(widths(Code128.encode(all)))).isEqualTo(all);
    }

    @Test
    void ticketIdsDecodeBack() {
        String ticketId = "12345678-1234-1234-1234-123456789012";
        int[] widths = Code128.encode(ticketId);

        assertThat(Code128Decoder.decode(widths(widths))).isEqualTo(ticketId);
        assertThat(Arrays.stream(widths).sum()).isEqualTo(11 * (ticketId.length() + 2) + 13);
    }

    @Test
    void checksumWeighsEachCharacterByItsPosition() {
        // "Wikipedia": 104 + 1*55 + 2*73 + 3*75 + 4*73 + 5*80 + 6*69 + 7*68 + 8*73 + 9*65 = 3281, 3281 % 103 = 88
        String modules = modules(Code128.encode("Wikipedia"));
        String check = modules.substring(modules.length() - 13 - 11, modules.length() - 13);

        assertThat(check).isEqualTo("11110010010"); // value 88: widths 4 2 1 2 1 1
    }

    @Test
    void refusesWhatCodeSetBCannotHold() {
        assertThat(Code128.canEncode("caf\u00e9")).isFalse();
        assertThat(Code128.canEncode("tab\there")).isFalse();
        assertThat(Code128.canEncode("")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Code128.encode("caf\u00e9"));
    }

    private static List<Double> widths(int[] widths) {
        return Arrays.stream(widths).mapToObj(w -> (double) w).toList();
    }

    private static String modules(int[] widths) {
        StringBuilder modules = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            modules.append((i % 2 == 0 ? "1" : "0").repeat(widths[i]));
        }
        return modules.toString();
    }
}
