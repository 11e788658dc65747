package org.ticketoverflow.jobs;

import static org.ticketoverflow.jobs.Jobs.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker side of the {@code jobs} table: claims under a lease and their outcomes. Every state change names
 * its precondition in the WHERE clause, so concurrent nodes (and a worker that lost its lease) can never undo
 * each other's work: an update that finds its row changed simply matches nothing.
 */
@Repository
class Claims {

    // Per kind, the due rows in deadline order: the index (state, kind, deadline, id) serves it. The best `limit`
    // jobs by slack are among the first `limit` of each kind, so claim() picks them from these candidates.
    // H2 applies LIMIT before SKIP LOCKED (PostgreSQL after), so on H2 a claim racing another may come back short.
    private static final String SELECT_DUE = """
            SELECT id, kind, subject, group_key, attempts, enqueued_at, run_at, deadline
            FROM jobs
            WHERE state = 'QUEUED'
              AND kind = :kind
              AND run_at <= :now
            ORDER BY deadline, id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    private static final String MARK_RUNNING = """
            UPDATE jobs
            SET state = 'RUNNING', lease_until = :leaseUntil, lease_owner = :owner, attempts = attempts + 1,
                dedupe_key = NULL
            WHERE id IN (:ids)
              AND state = 'QUEUED'
            """;

    private static final String EXTEND_LEASES = """
            UPDATE jobs
            SET lease_until = :leaseUntil
            WHERE id IN (:ids)
              AND state = 'RUNNING'
              AND lease_owner = :owner
            """;

    private static final String DELETE_DONE = """
            DELETE FROM jobs
            WHERE id = :id
              AND state = 'RUNNING'
              AND lease_owner = :owner
              AND attempts = :attempts
            """;

    private static final String RESCHEDULE = """
            UPDATE jobs
            SET state = 'QUEUED', run_at = :runAt, lease_until = NULL, lease_owner = NULL, last_error = :reason
            WHERE id = :id
              AND state = 'RUNNING'
              AND lease_owner = :owner
              AND attempts = :attempts
            """;

    private static final String FAIL = """
            UPDATE jobs
            SET state = 'FAILED', failed_at = :now, lease_until = NULL, lease_owner = NULL, last_error = :reason
            WHERE id = :id
              AND state = 'RUNNING'
              AND lease_owner = :owner
              AND attempts = :attempts
            """;

    // a release is not an attempt: a rolling deploy must not push jobs towards FAILED
    private static final String RELEASE = """
            UPDATE jobs
            SET state = 'QUEUED', lease_until = NULL, lease_owner = NULL, attempts = attempts - 1
            WHERE id IN (:ids)
              AND state = 'RUNNING'
              AND lease_owner = :owner
            """;

    private static final String REQUEUE_EXPIRED = """
            UPDATE jobs
            SET state = 'QUEUED', last_error = 'lease of ' || lease_owner || ' expired', lease_until = NULL,
                lease_owner = NULL
            WHERE state = 'RUNNING'
              AND lease_until < :now
              AND attempts < :maxAttempts
            """;

    // an expired lease on the last attempt ends the job: the handler is told in the same transaction (giveUp)
    private static final String SELECT_EXPIRED_FOR_GOOD = """
            SELECT id, kind, subject, group_key, attempts, enqueued_at, run_at, deadline, lease_owner
            FROM jobs
            WHERE state = 'RUNNING'
              AND lease_until < :now
              AND attempts >= :maxAttempts
              AND kind IN (:kinds)
            FOR UPDATE SKIP LOCKED
            """;

    private final JdbcClient jdbc;

    Claims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due jobs of the given kinds for {@code owner}, leased until {@code now + lease}:
     * those with the least slack first, i.e. by {@code deadline - expected run time of the kind}, then by id (first
     * come, first served). ({@code now} is the same for every candidate, so it drops out of the comparison.)
     */
    @Transactional
    List<ClaimedJob> claim(
            String owner,
            Collection<String> kinds,
            Map<String, Duration> expected,
            int limit,
            Instant now,
            Duration lease) {
        List<ClaimedJob> candidates = new ArrayList<>();
        for (String kind : kinds) {
            candidates.addAll(jdbc.sql(SELECT_DUE)
                    .param("kind", kind)
                    .param("now", timestamp(now))
                    .param("limit", limit)
                    .query((row, number) -> claimed(row, owner, row.getInt("attempts") + 1))
                    .list());
        }
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<ClaimedJob> due = candidates.stream()
                .sorted(Comparator.comparing((ClaimedJob job) ->
                                job.deadline().minus(expected.getOrDefault(job.kind(), Duration.ZERO)))
                        .thenComparingLong(ClaimedJob::id))
                .limit(limit)
                .toList();
        int marked = jdbc.sql(MARK_RUNNING)
                .param("ids", due.stream().map(ClaimedJob::id).toList())
                .param("leaseUntil", timestamp(now.plus(lease)))
                .param("owner", owner)
                .update();
        if (marked != due.size()) {
            throw new ConcurrencyFailureException(
                    "claimed " + due.size() + " jobs but only " + marked + " were still queued");
        }
        return due;
    }

    int extendLeases(String owner, Collection<Long> ids, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql(EXTEND_LEASES)
                .param("ids", ids)
                .param("owner", owner)
                .param("leaseUntil", timestamp(leaseUntil))
                .update();
    }

    boolean complete(ClaimedJob job) {
        return ownedBy(jdbc.sql(DELETE_DONE), job).update() == 1;
    }

    boolean reschedule(ClaimedJob job, Instant runAt, String reason) {
        return ownedBy(jdbc.sql(RESCHEDULE), job)
                        .param("runAt", timestamp(runAt))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    boolean fail(ClaimedJob job, Instant now, String reason) {
        return ownedBy(jdbc.sql(FAIL), job)
                        .param("now", timestamp(now))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec ownedBy(JdbcClient.StatementSpec statement, ClaimedJob job) {
        return statement.param("id", job.id()).param("owner", job.owner()).param("attempts", job.attempts());
    }

    int release(String owner, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql(RELEASE).param("ids", ids).param("owner", owner).update();
    }

    /** The RUNNING jobs of these kinds whose lease expired on their last attempt, locked for the caller. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<ClaimedJob> lockExpiredForGood(Collection<String> kinds, Instant now, int maxAttempts) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_EXPIRED_FOR_GOOD)
                .param("now", timestamp(now))
                .param("maxAttempts", maxAttempts)
                .param("kinds", kinds)
                .query((row, number) -> claimed(row, row.getString("lease_owner"), row.getInt("attempts")))
                .list();
    }

    int requeueExpired(Instant now, int maxAttempts) {
        return jdbc.sql(REQUEUE_EXPIRED)
                .param("now", timestamp(now))
                .param("maxAttempts", maxAttempts)
                .update();
    }

    private static ClaimedJob claimed(ResultSet row, String owner, int attempts) throws SQLException {
        Job job = new Job(
                row.getLong("id"),
                row.getString("kind"),
                row.getString("subject"),
                row.getString("group_key"),
                attempts,
                row.getObject("enqueued_at", OffsetDateTime.class).toInstant());
        return new ClaimedJob(
                job,
                owner,
                row.getObject("run_at", OffsetDateTime.class).toInstant(),
                row.getObject("deadline", OffsetDateTime.class).toInstant());
    }
}
