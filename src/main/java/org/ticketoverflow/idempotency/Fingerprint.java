package org.ticketoverflow.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * SHA-256 of a request body in canonical JSON (no whitespace, object keys sorted), so that a repeat is recognised
 * however the client's JSON library spaced or ordered it, and a different request under the same key is not.
 */
final class Fingerprint {

    private static final JsonMapper CANONICAL =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private Fingerprint() {}

    static String of(JsonNode body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
