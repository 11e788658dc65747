package org.ticketoverflow.rendering;

/**
 * Code-128 symbols in code set B (printable ASCII), the barcode on printed tickets.
 * <p>
 * A symbol is: start B, one symbol character per input character, a modulo-103 check character, the stop
 * pattern. Quiet zones are the caller's business.
 */
final class Code128 {

    /** Bar/space widths in modules of symbol values 0..106 (106 = stop, 7 elements, the rest 6). */
    private static final String[] PATTERNS = ("""
            212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231
            113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211
            212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131
            113123 113321 133121 313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111
            314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211
            241211 221114 413111 241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141
            214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 211214
            211232 2331112""").split("\\s+");

    private static final int START_B = 104;
    private static final int STOP = 106;
    private static final int FIRST_CHARACTER = 32;
    private static final int LAST_CHARACTER = 127;

    private Code128() {}

    static boolean canEncode(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= FIRST_CHARACTER && c <= LAST_CHARACTER);
    }

    /**
     * @return the widths, in modules, of the symbol's alternating bars and spaces, starting and ending with a bar
     * @throws IllegalArgumentException if {@link #canEncode} is false
     */
    static int[] encode(String text) {
        if (!canEncode(text)) {
            throw new IllegalArgumentException("Code-128 set B holds 1 or more ASCII characters 32..127");
        }
        int[] values = new int[text.length() + 3];
        values[0] = START_B;
        int checksum = START_B;
        for (int i = 0; i < text.length(); i++) {
            int value = text.charAt(i) - FIRST_CHARACTER;
            values[i + 1] = value;
            checksum += (i + 1) * value;
        }
        values[values.length - 2] = checksum % 103;
        values[values.length - 1] = STOP;

        int[] widths = new int[6 * (values.length - 1) + 7];
        int next = 0;
        for (int value : values) {
            for (char width : PATTERNS[value].toCharArray()) {
                widths[next++] = width - '0';
            }
        }
        return widths;
    }
}
