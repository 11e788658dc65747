package org.ticketoverflow.jobs;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes this process's dispatchers when there may be new work: rung after an enqueue commits, when a PostgreSQL
 * notification arrives, and when expired leases were swept. Each dispatcher has its own {@link Doorbell}, which
 * remembers a ring until it is answered, so a ring between "found nothing" and "wait" is never lost.
 */
final class Wakeup {

    private final Set<Doorbell> doorbells = ConcurrentHashMap.newKeySet();

    Doorbell register() {
        Doorbell doorbell = new Doorbell();
        doorbells.add(doorbell);
        return doorbell;
    }

    void unregister(Doorbell doorbell) {
        doorbells.remove(doorbell);
    }

    void signal() {
        doorbells.forEach(Doorbell::ring);
    }

    static final class Doorbell {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition rung = lock.newCondition();
        private boolean ringing;

        void ring() {
            lock.lock();
            try {
                ringing = true;
                rung.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Waits until rung (or at most {@code timeout}), then resets the bell. */
        void await(Duration timeout) throws InterruptedException {
            long nanos = timeout.toNanos();
            lock.lock();
            try {
                while (!ringing && nanos > 0) {
                    nanos = rung.awaitNanos(nanos);
                }
                ringing = false;
            } finally {
                lock.unlock();
            }
        }
    }
}
