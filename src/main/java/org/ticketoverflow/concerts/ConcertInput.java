package org.ticketoverflow.concerts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.regex.Pattern;
import org.ticketoverflow.web.RequestRejected;
import tools.jackson.databind.JsonNode;

/**
 * Reads concert request bodies strictly: exact key sets, exact JSON types, real calendar dates. Every refusal
 * names the field. Kept apart from binding because "5" for a capacity or 2023-02-30 for a date must be 400s, not
 * silently coerced values.
 */
final class ConcertInput {

    static final Set<String> CREATE_FIELDS = Set.of("name", "venue", "date", "capacity", "status");
    static final Set<String> UPDATE_FIELDS = Set.of("name", "venue", "date", "status");
    static final int MAX_TEXT = 1000;

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private ConcertInput() {}

    static NewConcert forCreate(JsonNode body, int maxCapacity) {
        requireObject(body);
        for (String field : body.propertyNames()) {
            if (!CREATE_FIELDS.contains(field)) {
                throw RequestRejected.invalid(
                        field,
                        "Unknown field '" + field + "'; a concert has exactly "
                                + "name, venue, date, capacity and status");
            }
        }
        for (String field : CREATE_FIELDS) {
            if (!body.has(field)) {
                throw RequestRejected.invalid(field, "Field '" + field + "' is required");
            }
        }
        return new NewConcert(
                text(body, "name"), text(body, "venue"), date(body), capacity(body, maxCapacity), status(body));
    }

    static ConcertChanges forUpdate(JsonNode body) {
        requireObject(body);
        if (body.isEmpty()) {
            throw RequestRejected.invalid(null, "Give at least one of name, venue, date, status to change");
        }
        for (String field : body.propertyNames()) {
            if (field.equals("capacity")) {
                throw RequestRejected.invalid(field, "The capacity of a concert cannot be changed");
            }
            if (!UPDATE_FIELDS.contains(field)) {
                throw RequestRejected.invalid(
                        field, "Field '" + field + "' cannot be updated; " + "only name, venue, date and status can");
            }
        }
        return new ConcertChanges(
                body.has("name") ? text(body, "name") : null,
                body.has("venue") ? text(body, "venue") : null,
                body.has("date") ? date(body) : null,
                body.has("status") ? status(body) : null);
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw RequestRejected.invalid(null, "The request body must be a JSON object");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw RequestRejected.invalid(field, "'" + field + "' must be a non-blank string");
        }
        if (value.stringValue().length() > MAX_TEXT) {
            throw RequestRejected.invalid(field, "'" + field + "' must be at most " + MAX_TEXT + " characters");
        }
        return value.stringValue();
    }

    private static LocalDate date(JsonNode body) {
        JsonNode value = body.get("date");
        String text = value.isString() ? value.stringValue() : "";
        if (!DATE_SHAPE.matcher(text).matches()) {
            throw RequestRejected.invalid("date", "'date' must be a calendar date written YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw RequestRejected.invalid("date", "'date' " + text + " is not a real calendar date");
        }
    }

    private static int capacity(JsonNode body, int maxCapacity) {
        JsonNode value = body.get("capacity");
        if (!value.isIntegralNumber()
                || !value.canConvertToInt()
                || value.intValue() < 1
                || value.intValue() > maxCapacity) {
            throw RequestRejected.invalid("capacity", "'capacity' must be a whole number from 1 to " + maxCapacity);
        }
        return value.intValue();
    }

    private static ConcertStatus status(JsonNode body) {
        JsonNode value = body.get("status");
        if (value.isString()) {
            for (ConcertStatus status : ConcertStatus.values()) {
                if (status.name().equals(value.stringValue())) {
                    return status;
                }
            }
        }
        throw RequestRejected.invalid("status", "'status' must be one of ACTIVE, CANCELLED, SOLD_OUT");
    }
}
