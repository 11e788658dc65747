package org.ticketoverflow.seating;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The seating_plans table: the latest plan of each concert and how stale it is. */
@Repository
class SeatingPlans {

    private static final String FIND_SVG =
            "SELECT svg, rendered_at FROM seating_plans WHERE concert_id = :concert AND svg IS NOT NULL";
    private static final String ALL = """
            SELECT concert_id, sold, concert_version, rendered_at, stale_since, rendering_since
            FROM seating_plans
            """;
    private static final String ADD_PLACEHOLDER = """
            INSERT INTO seating_plans (concert_id, svg, sold, concert_version, rendered_at, stale_since)
            VALUES (:concert, NULL, 0, 0, NULL, :now)
            """;
    private static final String STORE = """
            UPDATE seating_plans
            SET svg = :svg, sold = :sold, concert_version = :version, rendered_at = :now, stale_since = :stale,
                rendering_since = NULL
            WHERE concert_id = :concert
            """;
    private static final String MARK_STALE = """
            UPDATE seating_plans
            SET stale_since = :since
            WHERE concert_id = :concert
              AND stale_since IS NULL
            """;
    private static final String START_RENDERING = """
            UPDATE seating_plans
            SET rendering_since = :now
            WHERE concert_id = :concert
            """;
    private static final String STOP_RENDERING = """
            UPDATE seating_plans
            SET rendering_since = NULL
            WHERE concert_id = :concert
            """;
    private static final String WORST_STALE_SINCE = "SELECT MIN(stale_since) FROM seating_plans";

    private final JdbcClient jdbc;

    SeatingPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a plan shows, to compare with its concert. {@code renderedAt} is null before the first render. */
    record PlanState(
            String concertId,
            int sold,
            long concertVersion,
            Instant renderedAt,
            Instant staleSince,
            Instant renderingSince) {}

    /** The latest drawn plan of a concert and when it was drawn. */
    record DrawnPlan(String svg, Instant renderedAt) {}

    Optional<DrawnPlan> latest(String concertId) {
        return jdbc.sql(FIND_SVG)
                .param("concert", concertId)
                .query((rs, n) -> new DrawnPlan(rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class))))
                .optional();
    }

    List<PlanState> all() {
        return jdbc.sql(ALL)
                .query((rs, n) -> new PlanState(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class)),
                        instant(rs.getObject(6, OffsetDateTime.class))))
                .list();
    }

    /** Makes the row a concert's plan will live in; false if another node made it first. */
    boolean addPlaceholder(String concertId) {
        try {
            jdbc.sql(ADD_PLACEHOLDER)
                    .param("concert", concertId)
                    .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Stores a freshly rendered plan. {@code staleSince} is null if the concert did not change while the plan was
     * rendered, else the moment the render's snapshot was taken (the plan has been behind since then at most).
     */
    @Transactional
    void store(String concertId, String svg, int sold, long version, Instant staleSince) {
        Instant now = Instant.now();
        // typed, so PostgreSQL accepts a null here too
        jdbc.sql(STORE)
                .param(
                        "stale",
                        staleSince == null ? null : staleSince.atOffset(ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .param("concert", concertId)
                .param("svg", svg)
                .param("sold", sold)
                .param("version", version)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Records when a plan was last known to be current, unless its staleness is already recorded. */
    @Transactional
    void markStale(String concertId, Instant since) {
        jdbc.sql(MARK_STALE)
                .param("concert", concertId)
                .param("since", since.atOffset(ZoneOffset.UTC))
                .update();
    }

    @Transactional
    void startRendering(String concertId) {
        jdbc.sql(START_RENDERING)
                .param("concert", concertId)
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
    }

    @Transactional
    void stopRendering(String concertId) {
        jdbc.sql(STOP_RENDERING).param("concert", concertId).update();
    }

    Optional<Instant> worstStaleSince() {
        return jdbc.sql(WORST_STALE_SINCE)
                .query((rs, n) -> instant(rs.getObject(1, OffsetDateTime.class)))
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
