package org.ticketoverflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ticketoverflow.jobs.TestHandlers.RECORD;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class JobQueueOnPostgresIntegrationTests extends JobQueueIntegrationTests {

    @Test
    void wakesOnANotificationFromAnotherNode() {
        queue.enqueue(print("settle-the-dispatcher", 1));
        await().atMost(PROMPTLY).until(() -> count() == 0);

        // as another node would: the row and a NOTIFY, without this node's in-process signal
        transaction().executeWithoutResult(status -> {
            jobs.insert(print("from-elsewhere", 1), Instant.now());
            jobs.notifyListeners();
        });

        await().atMost(PROMPTLY).until(() -> recorder.finished(RECORD).contains("from-elsewhere"));
    }

    @Test
    void listensAgainAfterLosingItsConnection() {
        int terminated = jdbc.sql("""
                SELECT COUNT(pg_terminate_backend(pid))
                FROM pg_stat_activity
                WHERE datname = current_database()
                  AND query = 'LISTEN ticketoverflow_jobs'
                """).query(Integer.class).single();
        assertThat(terminated).isEqualTo(1);

        await().atMost(PROMPTLY).until(() -> listeners() == 1);
        transaction().executeWithoutResult(status -> {
            jobs.insert(print("after-reconnect", 1), Instant.now());
            jobs.notifyListeners();
        });
        await().atMost(PROMPTLY).until(() -> recorder.finished(RECORD).contains("after-reconnect"));
    }

    private int listeners() {
        return jdbc.sql("""
                SELECT COUNT(*)
                FROM pg_stat_activity
                WHERE datname = current_database()
                  AND query = 'LISTEN ticketoverflow_jobs'
                """).query(Integer.class).single();
    }
}
