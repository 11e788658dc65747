package org.ticketoverflow.web;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, from a probe that runs in the background every
 * {@code ticketoverflow.health-probe-interval} (1 s): the health endpoints, the {@link DatabaseGate} and the
 * purchase path read the last result instead of each finding out the slow way (a request that waits for the
 * connection pool's timeout). A pool that is merely busy (every connection lent out, none failing) is not an
 * outage: the probe then keeps its last verdict.
 *
 * <p>It runs on Spring's scheduler, not as one of the jobs module's periodic duties: when the database hangs,
 * those duties may all be stuck in database calls on their two threads, and the probe that notices the hang must
 * not wait behind them.
 */
@Component
public class DatabaseReachability {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReachability.class);

    private final DataSource dataSource;
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    DatabaseReachability(DataSource dataSource) {
        this.dataSource = dataSource;
        probe();
    }

    /** The last probe's verdict. */
    public boolean reachable() {
        return reachable.get();
    }

    @Scheduled(fixedDelayString = "${ticketoverflow.health-probe-interval:1s}")
    void probe() {
        boolean up;
        try (var connection = dataSource.getConnection()) {
            up = connection.isValid(2);
        } catch (SQLTransientConnectionException e) {
            // Hikari's timeout names the last failed connection attempt as its cause; without one, it was busy
            up = e.getCause() == null && reachable.get();
        } catch (Exception e) {
            up = false;
        }
        if (reachable.getAndSet(up) != up) {
            log.warn("database is now {}", up ? "reachable" : "UNREACHABLE");
        }
    }
}
