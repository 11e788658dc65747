package org.ticketoverflow.tickets;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.ticketoverflow.web.RequestRejected;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a purchase, {@code {"concert_id": "…", "user_id": "…"}}, read token by token straight from the
 * request instead of through a JSON tree: the hot path's body has two fields, and a tree and its message
 * converter cost more than the rest of the parse. Just as strict: the whole body is read first (malformed JSON,
 * an empty body or anything after the object → the malformed-JSON 400), then exactly the keys
 * {@code concert_id} and {@code user_id}, each once, each a non-blank string; anything else → 400 naming the field.
 */
record PurchaseRequest(String concertId, String userId) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_ID_LENGTH = 100;

    /** Reads the body straight from the request. */
    static PurchaseRequest read(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream();
                JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            return validate(parser, request);
        }
    }

    /** The same, from a body already read (a keyed purchase reads it once for its fingerprint too). */
    static PurchaseRequest parse(byte[] body, HttpServletRequest request) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            return validate(parser, request);
        }
    }

    /** The body as a tree, for an idempotency key's fingerprint; malformed JSON is the same 400 as above. */
    static JsonNode tree(JsonMapper json, byte[] body, HttpServletRequest request) {
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw malformed(request, null);
            }
            return tree;
        } catch (JacksonException e) {
            throw malformed(request, e);
        }
    }

    private static PurchaseRequest validate(JsonParser parser, HttpServletRequest request) {
        Fields fields;
        try {
            fields = fields(parser);
        } catch (JacksonException e) {
            throw malformed(request, e);
        }
        if (fields == null) {
            throw malformed(request, null);
        }
        return fields.validate();
    }

    /** Every field of the body, or null when it is empty or has more than one JSON value. */
    private static Fields fields(JsonParser parser) {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return null;
        }
        Fields fields = new Fields();
        if (first != JsonToken.START_OBJECT) {
            fields.notAnObject = true;
            parser.skipChildren();
        } else {
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                String text = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                parser.skipChildren();
                fields.add(name, text);
            }
        }
        return parser.nextToken() == null ? fields : null;
    }

    private static HttpMessageNotReadableException malformed(HttpServletRequest request, Exception cause) {
        return new HttpMessageNotReadableException(
                "The purchase body is not one JSON value", cause, new ServletServerHttpRequest(request));
    }

    /** What the body held. */
    private static final class Fields {
        private boolean notAnObject;
        private String unknown;
        private String duplicate;
        private Value concertId;
        private Value userId;

        void add(String name, String text) {
            Value value = new Value(text);
            switch (name) {
                case "concert_id" -> concertId = once(name, concertId, value);
                case "user_id" -> userId = once(name, userId, value);
                default -> unknown = unknown == null ? name : unknown;
            }
        }

        private Value once(String name, Value previous, Value value) {
            if (previous != null && duplicate == null) {
                duplicate = name;
            }
            return value;
        }

        PurchaseRequest validate() {
            if (notAnObject) {
                throw RequestRejected.invalid(null, "The request body must be a JSON object");
            }
            if (unknown != null) {
                throw RequestRejected.invalid(
                        unknown, "Unknown field '" + unknown + "'; a purchase has exactly concert_id and user_id");
            }
            if (duplicate != null) {
                throw RequestRejected.invalid(duplicate, "Field '" + duplicate + "' appears more than once");
            }
            return new PurchaseRequest(id("concert_id", concertId), id("user_id", userId));
        }

        private static String id(String field, Value value) {
            if (value == null) {
                throw RequestRejected.invalid(field, "Field '" + field + "' is required");
            }
            String text = value.text();
            if (text == null || text.isBlank() || text.length() > MAX_ID_LENGTH) {
                throw RequestRejected.invalid(field, "'" + field + "' must be a non-blank id string");
            }
            return text;
        }
    }

    /** A field's value: its text when it is a JSON string, else null (a number, null, an object...). */
    private record Value(String text) {}
}
