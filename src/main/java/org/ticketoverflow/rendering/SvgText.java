package org.ticketoverflow.rendering;

/**
 * Text placed into SVG markup. Names and venues come from users, so every string is escaped, and characters
 * XML 1.0 forbids outright (most control characters, lone surrogates) are replaced, because a single one would
 * make the whole document unparsable.
 */
final class SvgText {

    private static final char REPLACEMENT = '\uFFFD';

    private SvgText() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        escaped.append(c).append(text.charAt(++i));
                    } else {
                        escaped.append(allowedInXml(c) ? c : REPLACEMENT);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** A coordinate with at most three decimals and no trailing zeros, to keep documents small. */
    static String number(double value) {
        long thousandths = Math.round(value * 1000);
        if (thousandths % 1000 == 0) {
            return Long.toString(thousandths / 1000);
        }
        return java.math.BigDecimal.valueOf(thousandths, 3).stripTrailingZeros().toPlainString();
    }

    private static boolean allowedInXml(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
