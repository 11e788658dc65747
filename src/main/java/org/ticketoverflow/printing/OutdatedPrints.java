package org.ticketoverflow.printing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.ticketoverflow.concerts.Concert;
import org.ticketoverflow.concerts.ConcertChanged;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.jobs.JobQueue;
import org.ticketoverflow.jobs.PeriodicDuty;

/**
 * What a concert change does to prints: waiting prints get the deadline of the new date ({@link PrintPromise}),
 * and the prints of older versions (already never served) are deleted. Done in the transaction of the change
 * itself (a synchronous listener), so it commits or rolls back with it; a periodic duty redoes both for every
 * concert, so even a change made without the event (another code path, a restored backup) is caught. Both are
 * conditional statements, so any number of nodes may run them at once.
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

    @EventListener
    void on(ConcertChanged change) {
        if (change.dateChanged()) {
            redate(change.concertId(), change.date());
        }
        int deleted = prints.deleteOutdated(change.concertId(), change.version());
        log.info(
                "concert {} is now version {}: deleted {} outdated prints",
                change.concertId(),
                change.version(),
                deleted);
    }

    @Bean
    static PeriodicDuty printingSweep(PrintingSettings settings, OutdatedPrints outdated) {
        return PeriodicDuty.onWorkers(
                "re-dating waiting prints, deleting outdated ones", settings.sweepInterval(), outdated::sweep);
    }

    /** Re-dates the waiting prints whose concert date changed and deletes outdated prints, for every concert. */
    void sweep() {
        for (Map.Entry<String, Set<Long>> group :
                jobs.waitingBases(PrintDesk.PRINT_KIND).entrySet()) {
            concerts.find(group.getKey())
                    .map(Concert::date)
                    .filter(date -> !group.getValue().equals(Set.of(date.toEpochDay())))
                    .ifPresent(date -> redate(group.getKey(), date));
        }
        concerts.versions(prints.concertsWithPrints()).forEach(prints::deleteOutdated);
    }

    private void redate(String concertId, LocalDate date) {
        int redated = jobs.redate(
                PrintDesk.PRINT_KIND,
                concertId,
                date.toEpochDay(),
                (Instant requestedAt) -> PrintPromise.deadline(requestedAt, date));
        if (redated > 0) {
            log.info("concert {} moved to {}: {} waiting prints have new deadlines", concertId, date, redated);
        }
    }
}
