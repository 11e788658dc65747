package org.ticketoverflow.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.OwnDatabase;

/**
 * A streamed list that fails after its first bytes were sent must not look complete: the connection is aborted
 * (no closing bracket, no last chunk). The failure is made real by a ticket row whose concert is missing, written
 * behind the application's back with H2's referential integrity switched off for the table, at the end of a list
 * long enough to have been committed to the client already.
 */
class BrokenListOnH2IntegrationTests {

    private static final int TICKETS = 20_000;

    @Test
    void aListThatFailsAfterItsFirstBytesAbortsTheConnectionAndTheNodeServesOn() throws IOException {
        OwnDatabase database = OwnDatabase.h2();
        try (AppInstance node = database.start("ticketoverflow.roles=api")) {
            ApiClient api = node.api();
            String concertId = api.createConcert(10).get("id").stringValue();
            String user = ApiClient.user(30);
            assertThat(api.purchase(concertId, user).status()).isEqualTo(201);
            database.jdbc()
                    .sql("ALTER TABLE tickets SET REFERENTIAL_INTEGRITY FALSE")
                    .update();
            database.jdbc()
                    .sql("""
                            INSERT INTO tickets (id, concert_id, user_id, print_status, created_at)
                            SELECT CAST(RANDOM_UUID() AS VARCHAR), :concert, :user, 'NOT_PRINTED', CURRENT_TIMESTAMP
                            FROM SYSTEM_RANGE(1, :n)""")
                    .param("concert", concertId)
                    .param("user", user)
                    .param("n", TICKETS)
                    .update();
            database.jdbc().sql("""
                            INSERT INTO tickets (id, concert_id, user_id, print_status, created_at)
                            VALUES ('orphan', 'no-such-concert', :user, 'NOT_PRINTED', CURRENT_TIMESTAMP)""").param("user", user).update();

            String answer = rawGet(api, "/api/v1/tickets?user_id=" + user, "");

            assertThat(answer).startsWith("HTTP/1.1 200 ");
            assertThat(answer.toLowerCase()).contains("transfer-encoding: chunked");
            assertThat(answer.split("\"print_status\"", -1).length - 1).isGreaterThan(1000);
            assertThat(answer.stripTrailing()).doesNotEndWith("\r\n0").doesNotEndWith("]");
            assertThat(answer).doesNotContain("\r\n0\r\n\r\n");

            // a page is answered whole or not at all: a problem, read raw since 500 is no answer the contract promises
            String page = rawGet(
                    api,
                    "/api/v1/tickets?user_id=" + user + "&limit=1000&after=" + cursorNearTheEnd(api, user),
                    "Connection: close\r\n");
            assertThat(page).startsWith("HTTP/1.1 500 ");
            assertThat(page.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(api.get("/api/v1/tickets/health").status()).isEqualTo(200);
            assertThat(api.tickets("concert_id=" + concertId).size()).isEqualTo(TICKETS + 1);
        } finally {
            database.discard();
        }
    }

    private static String cursorNearTheEnd(ApiClient api, String user) {
        // the first page's cursor, moved to just before the last rows
        String link = ApiClient.nextLink(api.get("/api/v1/tickets?user_id=" + user + "&limit=1"));
        String cursor = link.replaceAll(".*after=", "");
        long seq = Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Long.toString(seq + TICKETS - 10).getBytes(StandardCharsets.US_ASCII));
    }

    private static String rawGet(ApiClient api, String path, String extraHeaders) throws IOException {
        URI base = URI.create(api.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65536];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // an abort may arrive as a reset: what came before it is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
