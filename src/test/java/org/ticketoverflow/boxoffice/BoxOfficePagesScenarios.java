package org.ticketoverflow.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.HttpScenario;
import tools.jackson.databind.JsonNode;

/** The box office's files through HTTP: served at / by api nodes with a strict CSP, never by worker-only nodes. */
abstract class BoxOfficePagesScenarios extends HttpScenario {

    @Test
    void servesTheConcertsPageAtTheRootWithAPolicyThatAllowsOnlyThisOrigin() {
        ApiResponse page = api.get("/");

        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Concerts</h1>", "/assets/concerts.js");
        assertThat(page.header("Content-Security-Policy"))
                .startsWith("default-src 'self';")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/index.html",
                "/concert.html",
                "/tickets.html",
                "/staff.html",
                "/ops.html",
                "/assets/boxoffice.css",
                "/assets/api.js",
                "/assets/ui.js",
                "/assets/ops.js",
                "/assets/favicon.svg"
            })
    void servesEveryPageAndAssetWithThePolicyAndNoOtherOrigin(String path) {
        ApiResponse file = api.get(path);

        assertThat(file.status()).as("%s %s", path, file).isEqualTo(200);
        assertThat(file.header("Content-Security-Policy")).startsWith("default-src 'self';");
        assertThat(file.body())
                .doesNotContainPattern("(src|href)=\"(https?:)?//")
                .doesNotContain("innerHTML");
        if (path.endsWith(".js")) {
            assertThat(file.contentType()).startsWith("text/javascript");
        }
    }

    @Test
    void leavesApiAnswersWithoutThePagePolicyAndUnknownPagesAsProblems() {
        assertThat(api.get("/api/v1/concerts").header("Content-Security-Policy"))
                .isNull();
        assertProblem(api.get("/no-such-page.html"), 404);
        assertProblem(api.get("/assets/no-such.js"), 404);
    }

    @Test
    void aWorkerOnlyNodeServesNoneOfTheBoxOffice() {
        try (AppInstance worker = startNodeOnSameDatabase("ticketoverflow.roles=worker")) {
            assertProblem(worker.api().get("/"), 404);
            assertProblem(worker.api().get("/index.html"), 404);
            assertProblem(worker.api().get("/assets/concerts.js"), 404);
            assertThat(worker.api().get("/actuator/health").status()).isEqualTo(200);
        }
    }

    @Test
    void listsThisNodeAsUpForTheOperationsPage() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiResponse nodes = api.get("/actuator/nodes");
            assertThat(nodes.status()).as("%s", nodes).isEqualTo(200);
            // the first heartbeat is written one interval after start: until then this node is not listed
            Optional<JsonNode> listed = nodes.json().values().stream()
                    .filter(n -> n.get("self").booleanValue())
                    .findFirst();
            assertThat(listed).as("this node in %s", nodes).isPresent();
            JsonNode self = listed.get();
            assertThat(self.get("up").booleanValue()).isTrue();
            assertThat(self.get("roles").stringValue()).isEqualTo("api,worker");
        });
    }
}
