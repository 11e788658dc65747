package org.ticketoverflow.concerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.ticketoverflow.support.Race;

/** Coalesced reads: fewer reads than requests, and never an answer from a read that began before the request. */
class ConcertReadsTests {

    private static final String ID = "c1";

    /** The stored concert's version; a write bumps it. */
    private final AtomicLong stored = new AtomicLong(1);

    private final AtomicInteger reads = new AtomicInteger();

    private Optional<Concert> slowRead(String id) {
        reads.incrementAndGet();
        long version = stored.get(); // what a database read sees is fixed when the read starts
        pause(2);
        return Optional.of(
                new Concert(id, "v" + version, "Hall", LocalDate.of(2031, 1, 1), 10, 0, ConcertStatus.ACTIVE, version));
    }

    @Test
    void concurrentRequestsShareReadsAndEachSeesEveryWriteThatEndedBeforeItArrived() throws Exception {
        ConcertReads concertReads = new ConcertReads(this::slowRead);
        int requests = 1600;
        AtomicBoolean racing = new AtomicBoolean(true);
        Thread writer = Thread.ofVirtual().start(() -> {
            while (racing.get()) {
                stored.incrementAndGet();
                pause(1);
            }
        });
        List<Boolean> stale;
        try {
            stale = Race.run(32, requests, i -> {
                long seenBefore = stored.get(); // a write that had returned when the request arrived
                return concertReads.find(ID).orElseThrow().version() < seenBefore;
            });
        } finally {
            racing.set(false);
            writer.join();
        }

        assertThat(stored.get()).as("writes during the race").isGreaterThan(10);
        assertThat(stale)
                .as("answers older than a write that returned before the request")
                .doesNotContain(true);
        assertThat(reads.get()).as("reads for %d requests", requests).isLessThan(requests / 4);
    }

    @Test
    void aRequestAloneReadsAtOnceAndUnknownIdsAreEmpty() {
        ConcertReads concertReads = new ConcertReads(id -> {
            reads.incrementAndGet();
            return Optional.empty();
        });

        assertThat(concertReads.find("nope")).isEmpty();
        assertThat(concertReads.find("nope")).isEmpty();
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void aFailedReadFailsItsFlightAndTheNextRequestReadsAgain() {
        AtomicInteger calls = new AtomicInteger();
        ConcertReads concertReads = new ConcertReads(id -> {
            if (calls.incrementAndGet() == 1) {
                throw new DataAccessResourceFailureException("database down");
            }
            return slowRead(id);
        });

        assertThatThrownBy(() -> concertReads.find(ID))
                .isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessage("database down");
        assertThat(concertReads.find(ID)).isPresent();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
