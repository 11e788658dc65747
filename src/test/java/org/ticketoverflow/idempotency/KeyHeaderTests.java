package org.ticketoverflow.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketoverflow.web.RequestRejected;
import tools.jackson.databind.json.JsonMapper;

class KeyHeaderTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"|8e03978e-40d5-43e8-bc93-6894a57f9324",
                "8e03978e-40d5-43e8-bc93-6894a57f9324|8e03978e-40d5-43e8-bc93-6894a57f9324",
                "\"with spaces, and a comma\"|with spaces, and a comma",
                "\"a \\\"quoted\\\" \\\\ key\"|a \"quoted\" \\ key",
                "  padded  |padded",
                "x|x"
            })
    void readsQuotedStructuredFieldStringsAndBareTokens(String headerAndKey) {
        String[] parts = headerAndKey.split("\\|");

        assertThat(KeyHeader.parse(parts[0])).isEqualTo(parts[1]);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "\"\"",
                "\"unterminated",
                "\"one\",\"two\"",
                "one,two",
                "\"bad \\n escape\"",
                "bare with spaces",
                "caf\u00e9",
                "\"tab\tinside\""
            })
    void refusesMalformedKeysNamingTheHeader(String header) {
        assertThatThrownBy(() -> KeyHeader.parse(header)).isInstanceOfSatisfying(RequestRejected.class, rejected -> {
            assertThat(rejected.status().value()).isEqualTo(400);
            assertThat(rejected.field()).isEqualTo("Idempotency-Key");
        });
    }

    @Test
    void takesKeysOfUpTo255Characters() {
        String longest = "k".repeat(255);

        assertThat(KeyHeader.parse(longest)).isEqualTo(longest);
        assertThat(KeyHeader.parse("\"" + longest + "\"")).isEqualTo(longest);
        assertThatThrownBy(() -> KeyHeader.parse(longest + "k")).isInstanceOf(RequestRejected.class);
        assertThatThrownBy(() -> KeyHeader.parse("\"" + longest + "k\"")).isInstanceOf(RequestRejected.class);
    }

    @Test
    void fingerprintIgnoresSpacingAndKeyOrderButNotValues() {
        JsonMapper json = JsonMapper.builder().build();
        String one = Fingerprint.of(json.readTree("{\"concert_id\":\"a\",\"user_id\":\"b\"}"));

        assertThat(Fingerprint.of(json.readTree("{ \"user_id\" : \"b\",\n \"concert_id\": \"a\" }")))
                .isEqualTo(one);
        assertThat(Fingerprint.of(json.readTree("{\"concert_id\":\"a\",\"user_id\":\"c\"}")))
                .isNotEqualTo(one);
        assertThat(one).hasSize(64);
    }
}
