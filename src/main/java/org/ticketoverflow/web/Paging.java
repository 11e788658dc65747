package org.ticketoverflow.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Which part of a list a client asked for: the rows after a keyset position ({@code after}, an opaque cursor
 * from a previous page's {@code Link}) and at most {@code limit} of them. Lists are ordered by their table's
 * {@code seq} column, so a position is a {@code seq}: pages stay stable while rows are added, and reading a page
 * costs an index range scan however deep it is (no OFFSET).
 *
 * @param limit the page size, or null for the whole rest of the list (streamed)
 * @param afterSeq the {@code seq} of the last row the client has seen; 0 from the start
 */
public record Paging(Integer limit, long afterSeq) {

    public static final int MAX_LIMIT = 1000;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    /** Reads the {@code limit} and {@code after} query parameters (either may be null); 400 naming the bad one. */
    public static Paging of(String limit, String after) {
        return new Paging(limit == null ? null : limit(limit), after == null ? 0 : position(after));
    }

    /** The cursor that continues a list after the row at {@code seq}. */
    public static String cursor(long seq) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** How many rows to read: one more than the page, to know whether another page follows; 0 for all. */
    public int rowsToRead() {
        return limit == null ? 0 : limit + 1;
    }

    private static int limit(String value) {
        if (!NUMBER.matcher(value).matches() || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_LIMIT) {
            throw RequestRejected.invalid("limit", "'limit' must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(value);
    }

    private static long position(String cursor) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        if (!DIGITS.matcher(decoded).matches()) {
            throw RequestRejected.invalid("after", "'after' must be a cursor from a previous page's Link header");
        }
        return Long.parseLong(decoded);
    }
}
