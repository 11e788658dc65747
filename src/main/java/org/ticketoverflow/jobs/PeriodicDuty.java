package org.ticketoverflow.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * Background work that is not a job: something to redo every {@code interval} (sweeps that reconcile state, queue
 * upkeep). Declare a bean; the {@code jobs} module runs every duty on one timer, on worker nodes only unless
 * {@code everyNode}. Every node may run a duty at the same moment, so a duty must be multi-node safe: written as
 * conditional statements (or deduplicated enqueues) that change nothing when run twice.
 *
 * @param name      for logs
 * @param interval  the pause between two runs
 * @param everyNode also on nodes without the worker role (e.g. refreshing gauges)
 * @param work      the duty
 */
public record PeriodicDuty(String name, Duration interval, boolean everyNode, Runnable work) {

    public PeriodicDuty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("the interval of duty " + name + " must be positive: " + interval);
        }
    }

    /** A duty for every node, whatever its roles. */
    public static PeriodicDuty onEveryNode(String name, Duration interval, Runnable work) {
        return new PeriodicDuty(name, interval, true, work);
    }

    /** A duty for worker nodes. */
    public static PeriodicDuty onWorkers(String name, Duration interval, Runnable work) {
        return new PeriodicDuty(name, interval, false, work);
    }
}
