package org.ticketoverflow.jobs;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs every {@link PeriodicDuty} of the application (the queue's upkeep, the printing and seating sweeps) on one
 * timer, with a fixed delay between runs; on nodes without the worker role only the duties meant for every node.
 * A failing run is logged and the duty runs again at its next turn.
 */
final class Duties implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Duties.class);
    private static final int THREADS = 2;

    private final List<PeriodicDuty> duties;
    private final boolean worker;
    private volatile ScheduledExecutorService timer;

    Duties(List<PeriodicDuty> duties, boolean worker) {
        this.duties = List.copyOf(duties);
        this.worker = worker;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newScheduledThreadPool(
                THREADS, Thread.ofPlatform().name("jobs-duty-", 1).daemon().factory());
        for (PeriodicDuty duty : duties) {
            if (worker || duty.everyNode()) {
                long millis = duty.interval().toMillis();
                started.scheduleWithFixedDelay(() -> run(duty), millis, millis, TimeUnit.MILLISECONDS);
            }
        }
        timer = started;
    }

    private static void run(PeriodicDuty duty) {
        try {
            duty.work().run();
        } catch (RuntimeException e) {
            log.warn("Periodic duty failed: {}; trying again in {}", duty.name(), duty.interval(), e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping = timer;
        timer = null;
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
