package org.ticketoverflow.printing;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.ticketoverflow.concerts.ConcertChanged;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.jobs.JobQueue;

/**
 * Cleans up after a concert changes, off the request path: deletes the prints of older versions (they are
 * already never served) and re-sorts waiting prints if the date moved. A periodic sweep catches changes whose
 * event this node never saw (another node, a crash). Idempotent, so any number of nodes may run it.
 */
@Component
class OutdatedPrints {

    private static final Logger log = LoggerFactory.getLogger(OutdatedPrints.class);

    private final PrintedTickets prints;
    private final Concerts concerts;
    private final JobQueue jobs;

    OutdatedPrints(PrintedTickets prints, Concerts concerts, JobQueue jobs) {
        this.prints = prints;
        this.concerts = concerts;
        this.jobs = jobs;
    }

    @Async
    @TransactionalEventListener
    void on(ConcertChanged change) {
        if (change.dateChanged()) {
            jobs.resort(PrintDesk.PRINT_KIND, change.concertId(), change.date().toEpochDay());
        }
        int deleted = prints.deleteOutdated(change.concertId(), change.version());
        log.info(
                "concert {} is now version {}: deleted {} outdated prints",
                change.concertId(),
                change.version(),
                deleted);
    }

    @Scheduled(fixedDelayString = "${ticketoverflow.printing.sweep-interval:5m}", initialDelayString = "1m")
    void sweep() {
        Map<String, Long> versions = concerts.versions(prints.concertsWithPrints());
        versions.forEach(prints::deleteOutdated);
    }
}
