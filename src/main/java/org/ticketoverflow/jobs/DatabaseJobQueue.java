package org.ticketoverflow.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue as seen by producers. Wake-ups ride on the enqueuing transaction: a PostgreSQL NOTIFY is delivered
 * to other nodes only on commit, and this node's dispatchers are rung after commit, so a worker never looks for
 * a job before it is visible and a rollback wakes nobody.
 */
@Service
class DatabaseJobQueue implements JobQueue {

    private final Jobs jobs;
    private final Wakeup wakeup;
    private final JobsDatabase database;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DatabaseJobQueue(
            Jobs jobs, Wakeup wakeup, JobsDatabase database, PlatformTransactionManager transactions, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        this.wakeup = wakeup;
        this.database = database;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional
    public void enqueue(NewJob job) {
        jobs.insert(job, clock.instant());
        wakeWorkersAfterCommit();
    }

    @Override
    public boolean enqueueUnique(NewJob job) {
        if (job.dedupeKey() == null) {
            throw new IllegalArgumentException("enqueueUnique needs a dedupeKey: " + job);
        }
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> {
                boolean added = jobs.insertUnlessWaiting(job, clock.instant());
                if (added) {
                    wakeWorkersAfterCommit();
                } else if (job.deadline() != null) {
                    jobs.hasten(job.dedupeKey(), job.deadline());
                }
                return added;
            }));
        } catch (DuplicateKeyException twinAddedConcurrently) {
            return false;
        }
    }

    @Override
    @Transactional
    public boolean hasten(String dedupeKey, Instant deadline) {
        return jobs.hasten(dedupeKey, deadline) > 0;
    }

    @Override
    @Transactional
    public int redate(String kind, String groupKey, long basis, UnaryOperator<Instant> deadlineOfEnqueuedAt) {
        return jobs.redate(kind, groupKey, basis, deadlineOfEnqueuedAt);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Set<Long>> waitingBases(String kind) {
        return jobs.waitingBases(kind);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> depthByKind() {
        return jobs.countWaitingByKind();
    }

    private void wakeWorkersAfterCommit() {
        if (database.postgres()) {
            jobs.notifyListeners();
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeup.signal();
            }
        });
    }
}
