package org.ticketoverflow.idempotency;

import org.ticketoverflow.web.RequestRejected;

/**
 * Reads the {@code Idempotency-Key} header. The draft makes it a Structured Field string ({@code "…"}, RFC 8941
 * 3.3.3: printable ASCII, {@code \"} and {@code \\} escaped); many clients send the bare key, so a bare token of
 * visible ASCII without quotes, backslashes or commas is taken too, and {@code "abc"} and {@code abc} are the same
 * key. Anything else, an empty key, or one longer than 255 characters is refused with a 400 naming the header.
 * Two header fields arrive joined by a comma, which neither form allows: refused too.
 */
final class KeyHeader {

    static final String NAME = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    private KeyHeader() {}

    static String parse(String header) {
        String value = header.strip();
        String key = value.startsWith("\"") ? unquote(value) : bare(value);
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw malformed("must be 1 to " + MAX_LENGTH + " characters long");
        }
        return key;
    }

    private static String unquote(String value) {
        StringBuilder key = new StringBuilder(value.length());
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                if (i != value.length() - 1) {
                    throw malformed("has characters after its closing quote (send one key, once)");
                }
                return key.toString();
            }
            if (c == '\\') {
                char escaped = ++i < value.length() ? value.charAt(i) : 0;
                if (escaped != '"' && escaped != '\\') {
                    throw malformed("may escape only \" and \\ with a backslash");
                }
                key.append(escaped);
            } else if (c < 0x20 || c > 0x7e) {
                throw malformed("must be printable ASCII");
            } else {
                key.append(c);
            }
        }
        throw malformed("has no closing quote");
    }

    private static String bare(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c > 0x7e || c == '"' || c == '\\' || c == ',') {
                throw malformed("must be a quoted string (\"…\") or a token of visible ASCII characters");
            }
        }
        return value;
    }

    private static RequestRejected malformed(String reason) {
        return RequestRejected.invalid(NAME, "The Idempotency-Key header " + reason);
    }
}
