package org.ticketoverflow.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start-to-stop run of {@link Workers}: its threads, its free slots and the jobs it is running. A fresh shift
 * per start means a restart never mixes with the stragglers of the previous one.
 */
final class Shift {

    private static final Logger log = LoggerFactory.getLogger(Shift.class);

    final Semaphore free;
    final ExecutorService slotThreads;
    final ScheduledExecutorService heartbeats;
    final Wakeup.Doorbell doorbell;
    final Map<Long, ClaimedJob> running = new ConcurrentHashMap<>();
    volatile boolean active = true;
    volatile Thread dispatcher;

    Shift(int slots, Wakeup.Doorbell doorbell) {
        this.free = new Semaphore(slots);
        this.slotThreads = Executors.newFixedThreadPool(
                slots, Thread.ofPlatform().name("jobs-worker-", 1).daemon().factory());
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("jobs-heartbeat").daemon().factory());
        this.doorbell = doorbell;
    }

    /** Runs the job on a free slot; only the dispatcher takes slots, and it claims no more than are free. */
    void run(ClaimedJob job, Runnable work) {
        free.acquireUninterruptibly();
        running.put(job.id(), job);
        slotThreads.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error(
                        "Job {} ({}) could not be run to the end; it will be taken again when its lease expires",
                        job.id(),
                        job.kind(),
                        e);
            } finally {
                running.remove(job.id());
                free.release();
                doorbell.ring();
            }
        });
    }
}
