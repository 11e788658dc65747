package org.ticketoverflow.concerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketoverflow.support.Problems.assertProblem;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.HttpScenario;
import tools.jackson.databind.JsonNode;

/**
 * The opt-in staff token through HTTP: the shared application runs without it (the contract exactly, no header
 * needed); a second node on the same database runs with {@code ticketoverflow.admin-token} and refuses concert
 * writes without the right bearer token, writing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminTokenScenarios extends HttpScenario {

    private static final String TOKEN = "staff-\"secret\"-token";
    private static final String CONCERT = ApiClient.concertJson("Guarded", "Hall", "2031-01-01", 10, "ACTIVE");

    private AppInstance guarded;

    @BeforeEach
    void startGuardedNode() {
        if (guarded == null) {
            guarded = startNodeOnSameDatabase("ticketoverflow.admin-token=" + TOKEN);
        }
    }

    @AfterAll
    void stopGuardedNode() {
        if (guarded != null) {
            guarded.close();
        }
    }

    @Test
    void withoutATokenSettingConcertWritesNeedNoHeader() {
        JsonNode created = api.createConcert(5);

        ApiResponse renamed = api.put("/api/v1/concerts/" + created.get("id").stringValue(), "{\"name\": \"Free\"}");
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        ApiResponse withSomeToken = api.post("/api/v1/concerts", CONCERT, "Authorization", "Bearer whatever");
        assertThat(withSomeToken.status()).as("%s", withSomeToken).isEqualTo(201);
    }

    @Test
    void refusesToCreateWithoutOrWithAWrongTokenAndWritesNothing() {
        ApiClient node = guarded.api();
        int before = node.concertCount();

        ApiResponse none = node.post("/api/v1/concerts", CONCERT);
        assertProblem(none, 401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(node.post("/api/v1/concerts", CONCERT, "Authorization", "Bearer wrong"), 403);
        assertProblem(node.post("/api/v1/concerts", CONCERT, "Authorization", "Basic " + TOKEN), 401);
        assertProblem(node.post("/api/v1/concerts", CONCERT, "Authorization", "Bearer " + TOKEN + "x"), 403);

        assertThat(node.concertCount()).isEqualTo(before);
        ApiResponse allowed = node.post("/api/v1/concerts", CONCERT, "Authorization", "Bearer " + TOKEN);
        assertThat(allowed.status()).as("%s", allowed).isEqualTo(201);
        assertThat(node.concertCount()).isEqualTo(before + 1);
    }

    @Test
    void refusesToChangeWithoutTheTokenAndLeavesTheConcertAsItWas() {
        JsonNode concert = api.createConcert(5);
        String path = "/api/v1/concerts/" + concert.get("id").stringValue();
        ApiClient node = guarded.api();

        assertProblem(node.put(path, "{\"name\": \"Taken over\"}"), 401);
        assertProblem(node.put(path, "{\"status\": \"CANCELLED\"}", "Authorization", "Bearer nope"), 403);
        assertThat(node.concert(concert.get("id").stringValue())).isEqualTo(concert);

        ApiResponse renamed = node.put(path, "{\"name\": \"Renamed by staff\"}", "Authorization", "Bearer " + TOKEN);
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        assertThat(renamed.json().get("name").stringValue()).isEqualTo("Renamed by staff");
    }

    @Test
    void readsPurchasesAndPrintsNeverNeedTheToken() {
        ApiClient node = guarded.api();
        JsonNode concert = api.createConcert(5);
        String id = concert.get("id").stringValue();

        assertThat(node.get("/api/v1/concerts").status()).isEqualTo(200);
        assertThat(node.get("/api/v1/concerts/" + id).status()).isEqualTo(200);
        ApiResponse bought = node.purchase(id, ApiClient.user(11));
        assertThat(bought.status()).as("%s", bought).isEqualTo(201);
        ApiResponse print =
                node.post("/api/v1/tickets/" + bought.json().get("id").stringValue() + "/print", "");
        assertThat(print.status()).as("%s", print).isEqualTo(202);
    }

    @Test
    void guardsOnlyTheTwoCatalogueWritesOtherRequestsAreRoutedAsWithoutAToken() {
        ApiClient node = guarded.api();
        String id = api.createConcert(5).get("id").stringValue();

        assertProblem(node.put("/api/v1/concerts/" + id + "/seats", "{}"), 405);
        assertProblem(node.post("/api/v1/concerts/" + id, CONCERT), 405);
        assertProblem(node.put("/api/v1/concerts", "{}"), 405);
    }
}
