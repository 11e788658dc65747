package org.ticketoverflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.OnPostgres;
import org.ticketoverflow.support.PostgresDatabase;

/**
 * A node whose PostgreSQL database becomes unreachable says so on every health endpoint, answers requests that
 * need the database at once with 503 (the users mock keeps working), stays alive, and recovers by itself when the
 * database is back. Runs a node of its own on a database of its own, since the
 * shared one must stay up.
 */
@OnPostgres
class DatabaseOutageIntegrationTests {

    private static final List<String> READINESS = List.of(
            "/api/v1/concerts/health", "/api/v1/tickets/health", "/api/v1/users/health", "/actuator/health/readiness");

    @Test
    void healthAndReadinessAnswer503WhileTheDatabaseIsUnreachableAnd200Again() throws SQLException {
        String database = "ticketoverflow_outage_" + ProcessHandle.current().pid() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        String url = PostgresDatabase.createDatabase(database);
        try (AppInstance node = AppInstance.start(url, PostgresDatabase.user(), "");
                Connection admin = DriverManager.getConnection(PostgresDatabase.serverUrl());
                Statement sql = admin.createStatement()) {
            ApiClient api = node.api();
            String concertId = api.createConcert(10).get("id").stringValue();
            assertStatuses(api, 200);
            try {
                sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                sql.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");

                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(300))
                        .untilAsserted(() -> assertStatuses(api, 503));
                assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
                for (ApiResponse refused : List.of(
                        api.purchase(concertId, ApiClient.user(1)),
                        api.get("/api/v1/concerts/" + concertId),
                        api.get("/api/v1/tickets?concert_id=" + concertId))) {
                    assertProblem(refused, 503);
                    assertThat(refused.header("Retry-After")).isNotBlank();
                    assertThat(refused.elapsed()).isLessThan(Duration.ofSeconds(1));
                }
                assertThat(api.get("/api/v1/users/" + ApiClient.user(1)).status())
                        .isEqualTo(200);
                assertThat(api.get("/api/v1/concerts/health")
                                .json()
                                .get("status")
                                .stringValue())
                        .isEqualTo("DOWN");
            } finally {
                sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }

            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> assertStatuses(api, 200));
            assertThat(api.createConcert(1).get("id").stringValue()).isNotBlank();
        }
    }

    private static void assertStatuses(ApiClient api, int status) {
        for (String path : READINESS) {
            assertThat(api.get(path).status()).as(path).isEqualTo(status);
        }
    }
}
