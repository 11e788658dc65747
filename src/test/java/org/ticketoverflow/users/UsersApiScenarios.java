package org.ticketoverflow.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketoverflow.support.Problems.assertInvalidField;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.HttpScenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The users mock, and looking users up through a remote users service. */
abstract class UsersApiScenarios extends HttpScenario {

    /**
     * The users team's reference list (their data/users.json), kept byte for byte in the repository as a test
     * resource, so that a change to the shipped copy cannot pass unnoticed.
     */
    private static final String REFERENCE_USERS = "reference/users.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shipsTheReferenceUserListByteForByte() throws IOException {
        ClassLoader classes = UsersApiScenarios.class.getClassLoader();
        try (InputStream shipped = classes.getResourceAsStream("users.json");
                InputStream reference = classes.getResourceAsStream(REFERENCE_USERS)) {
            assertThat(shipped).as("users.json in the application").isNotNull();
            assertThat(reference)
                    .as(REFERENCE_USERS + " among the test resources")
                    .isNotNull();
            assertThat(shipped.readAllBytes()).isEqualTo(reference.readAllBytes());
        }
    }

    @Test
    void servesAllUsersAsTheShippedList() throws IOException {
        ApiResponse all = api.get("/api/v1/users");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.contentType()).isEqualTo("application/json");
        JsonNode users = all.json();
        assertThat(users.size()).isEqualTo(5000);
        assertThat(users).isEqualTo(shippedUsers());
        assertThat(users.values().stream().map(u -> u.get("id").stringValue()))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 5000)
                        .mapToObj("00000000-0000-0000-0000-%012d"::formatted)
                        .toList());
        assertThat(users.values())
                .allSatisfy(u -> assertThat(u.propertyNames()).containsExactlyInAnyOrder("id", "name", "email"));
        assertThat(users.values()).anyMatch(u -> u.get("name").stringValue().contains("\""));
    }

    @Test
    void servesEachUserWithExactlyIdNameAndEmail() throws IOException {
        JsonNode shipped = shippedUsers();
        JsonNode quoted = shipped.values().stream()
                .filter(u -> u.get("name").stringValue().contains("\""))
                .findFirst()
                .orElseThrow();

        for (JsonNode expected : new JsonNode[] {shipped.get(0), shipped.get(4999), quoted}) {
            ApiResponse one = api.get("/api/v1/users/" + expected.get("id").stringValue());

            assertThat(one.status()).isEqualTo(200);
            assertThat(one.contentType()).isEqualTo("application/json");
            assertThat(one.json().propertyNames()).containsExactlyInAnyOrder("id", "name", "email");
            assertThat(one.json()).isEqualTo(expected);
        }
    }

    @Test
    void answers404ForUnknownUser() {
        assertProblem(api.get("/api/v1/users/" + ApiClient.UNKNOWN_USER), 404);
        assertProblem(api.get("/api/v1/users/00000000-0000-0000-0000-000000000000"), 404);
        assertProblem(api.get("/api/v1/users/nobody"), 404);
    }

    /**
     * A node whose directory is a remote users service: lookups go over HTTP, each known user is fetched once and
     * then served from the cache (even after the users service is gone), unknown ones are a 400, and an
     * unreachable service is a 503, never "unknown user".
     */
    @Test
    void looksUsersUpThroughARemoteUsersServiceAndCachesThem() {
        String concertId = api.createConcert(10).get("id").stringValue();
        String known = ApiClient.user(201);
        CountingUsersService usersService = new CountingUsersService(api);
        try (AppInstance node = startNodeOnSameDatabase("ticketoverflow.users-url=" + usersService.baseUrl() + "/")) {
            ApiClient remote = node.api();

            assertThat(remote.purchase(concertId, known).status()).isEqualTo(201);
            assertThat(remote.purchase(concertId, known).status()).isEqualTo(201);
            assertThat(remote.tickets("user_id=" + known + "&concert_id=" + concertId)
                            .size())
                    .isEqualTo(2);
            assertInvalidField(remote.purchase(concertId, ApiClient.UNKNOWN_USER), "user_id");
            assertInvalidField(remote.purchase(concertId, ApiClient.UNKNOWN_USER), "user_id");
            assertProblem(remote.get("/api/v1/tickets?user_id=" + ApiClient.UNKNOWN_USER), 404);
            assertThat(usersService.calls("/api/v1/users/" + known)).isOne();
            assertThat(usersService.calls("/api/v1/users/" + ApiClient.UNKNOWN_USER))
                    .isOne();

            usersService.close();

            assertThat(remote.purchase(concertId, known).status()).isEqualTo(201);
            assertInvalidField(remote.purchase(concertId, ApiClient.UNKNOWN_USER), "user_id");
            ApiResponse unreachable = remote.purchase(concertId, ApiClient.user(202));
            assertProblem(unreachable, 503);
            assertThat(unreachable.header("Retry-After")).matches("[1-9][0-9]*");
            assertThat(api.tickets("concert_id=" + concertId).values())
                    .hasSize(3)
                    .allMatch(t -> t.at("/user/id").stringValue().equals(known));
        } finally {
            usersService.close();
        }
    }

    private static JsonNode shippedUsers() throws IOException {
        try (InputStream in = UsersApiScenarios.class.getResourceAsStream("/users.json")) {
            return JSON.readTree(in);
        }
    }
}
