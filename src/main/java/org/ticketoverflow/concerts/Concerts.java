package org.ticketoverflow.concerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketoverflow.idempotency.IdempotencyKeys;
import org.ticketoverflow.idempotency.KeyClaim;

/**
 * The concerts table. Seats are only ever taken with the capacity rule in the WHERE clause and under the
 * concert's row lock: by {@link #takeSeats}, inside the caller's transaction, and, on PostgreSQL, by the tickets
 * module's one-statement sale of a batch without idempotency keys, which takes seats and inserts tickets
 * together. The row lock serialises buyers of one concert, which is why callers batch (see the tickets module).
 */
@Repository
public class Concerts {

    private static final String SELECT = """
            SELECT id, name, venue, concert_date, capacity, sold, status, version
            FROM concerts
            """;
    private static final String LIST = """
            SELECT id, name, venue, concert_date, capacity, sold, status, version, seq
            FROM concerts
            WHERE seq > :after
            ORDER BY seq""";
    private static final int FETCH_SIZE = 500;
    private static final String INSERT = """
            INSERT INTO concerts (id, name, venue, concert_date, capacity, sold, status, version, created_at)
            VALUES (:id, :name, :venue, :date, :capacity, 0, :status, 1, :now)
            """;
    private static final String LOCK = SELECT + "WHERE id = :id FOR UPDATE";
    private static final String UPDATE_DETAILS = """
            UPDATE concerts
            SET name = :name, venue = :venue, concert_date = :date, status = :status, version = version + 1
            WHERE id = :id
            """;
    private static final String TAKE_SEATS = """
            UPDATE concerts
            SET sold = sold + :granted,
                status = CASE WHEN sold + :granted = capacity THEN 'SOLD_OUT' ELSE status END
            WHERE id = :id
              AND status = 'ACTIVE'
              AND sold + :granted <= capacity
            """;
    private static final String VERSION = "SELECT version FROM concerts WHERE id = :id";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final IdempotencyKeys keys;

    Concerts(JdbcClient jdbc, ApplicationEventPublisher events, IdempotencyKeys keys) {
        this.jdbc = jdbc;
        this.events = events;
        this.keys = keys;
    }

    public List<Concert> all() {
        return jdbc.sql(SELECT + "ORDER BY seq").query(Concerts::concert).list();
    }

    /** A listed concert and its place in creation order. */
    @FunctionalInterface
    public interface Listed {
        void next(Concert concert, long seq);
    }

    /**
     * Hands the concerts created after position {@code afterSeq} to {@code listed}, in creation order, at most
     * {@code max} of them (0: all), from a database cursor {@value #FETCH_SIZE} rows at a time (inside a
     * read-only transaction, which PostgreSQL needs to keep a cursor).
     */
    @Transactional(readOnly = true)
    public void list(long afterSeq, int max, Listed listed) {
        jdbc.sql(max > 0 ? LIST + " LIMIT :max" : LIST)
                .withFetchSize(FETCH_SIZE)
                .param("after", afterSeq)
                .param("max", max)
                .query((RowCallbackHandler) rs -> listed.next(concert(rs, 0), rs.getLong("seq")));
    }

    public Optional<Concert> find(String id) {
        return jdbc.sql(SELECT + "WHERE id = :id")
                .param("id", id)
                .query(Concerts::concert)
                .optional();
    }

    /** The named concerts that exist, in no particular order. */
    public List<Concert> find(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Concerts::concert)
                .list();
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM concerts WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The current version of each named concert that exists. */
    public Map<String, Long> versions(Collection<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, version FROM concerts WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2)))
                    .list();
        }
        return versions;
    }

    public Optional<Long> version(String id) {
        return jdbc.sql(VERSION).param("id", id).query(Long.class).optional();
    }

    /**
     * Locks the concert's row for the rest of the caller's transaction and returns it, so that what the caller
     * writes next is consistent with this exact version (no update can commit in between).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Concert> lock(String id) {
        return jdbc.sql(LOCK).param("id", id).query(Concerts::concert).optional();
    }

    /**
     * Creates the concert and, in the same transaction, records the request's idempotency key (none: null) with
     * its id; a key recorded already fails the whole creation with a duplicate-key error.
     */
    @Transactional
    public Concert create(NewConcert concert, KeyClaim claim) {
        String id = UUID.randomUUID().toString();
        jdbc.sql(INSERT)
                .param("id", id)
                .param("name", concert.name())
                .param("venue", concert.venue())
                .param("date", concert.date())
                .param("capacity", concert.capacity())
                .param("status", concert.status().name())
                .param("now", now())
                .update();
        if (claim != null) {
            keys.insert(List.of(claim.key().created(id)));
            claim.markRecorded();
        }
        events.publishEvent(new ConcertCreated(id));
        return new Concert(
                id, concert.name(), concert.venue(), concert.date(), concert.capacity(), 0, concert.status(), 1);
    }

    /** Applies the changes; the version grows only if something actually changed. Empty if no such concert. */
    @Transactional
    public Optional<Concert> update(String id, ConcertChanges changes) {
        return lock(id).map(current -> {
            Concert next = changes.applyTo(current);
            if (next.equals(current)) {
                return current;
            }
            jdbc.sql(UPDATE_DETAILS)
                    .param("id", id)
                    .param("name", next.name())
                    .param("venue", next.venue())
                    .param("date", next.date())
                    .param("status", next.status().name())
                    .update();
            Concert updated = new Concert(
                    id,
                    next.name(),
                    next.venue(),
                    next.date(),
                    next.capacity(),
                    next.sold(),
                    next.status(),
                    current.version() + 1);
            events.publishEvent(new ConcertChanged(
                    id, updated.version(), updated.date(), !updated.date().equals(current.date())));
            return updated;
        });
    }

    /**
     * Takes up to {@code requested} seats of a concert in the caller's transaction: as many as are left, all or
     * nothing per seat. Marks the concert SOLD_OUT when the last seat goes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SeatGrant takeSeats(String id, int requested) {
        Optional<Concert> locked = lock(id);
        SeatGrant.Refusal refusal = seatRefusal(locked);
        if (refusal != SeatGrant.Refusal.NONE) {
            return SeatGrant.refused(refusal);
        }
        Concert concert = locked.orElseThrow();
        int granted = Math.min(requested, concert.capacity() - concert.sold());
        int updated =
                jdbc.sql(TAKE_SEATS).param("id", id).param("granted", granted).update();
        if (updated != 1) {
            throw new IllegalStateException("seats of concert " + id + " changed under its row lock");
        }
        return SeatGrant.of(granted, requested);
    }

    /**
     * Why the concert would refuse a seat now ({@code NONE}: it has seats to sell), read without a lock: for a
     * sale that got no seat and needs to say why.
     */
    public SeatGrant.Refusal seatRefusal(String id) {
        return seatRefusal(find(id));
    }

    private static SeatGrant.Refusal seatRefusal(Optional<Concert> concert) {
        if (concert.isEmpty()) {
            return SeatGrant.Refusal.UNKNOWN_CONCERT;
        }
        Concert found = concert.get();
        if (found.status() == ConcertStatus.CANCELLED) {
            return SeatGrant.Refusal.CANCELLED;
        }
        if (found.status() != ConcertStatus.ACTIVE || found.sold() >= found.capacity()) {
            return SeatGrant.Refusal.SOLD_OUT;
        }
        return SeatGrant.Refusal.NONE;
    }

    private static java.time.OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }

    private static Concert concert(ResultSet rs, int row) throws SQLException {
        return new Concert(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("venue"),
                rs.getObject("concert_date", LocalDate.class),
                rs.getInt("capacity"),
                rs.getInt("sold"),
                ConcertStatus.valueOf(rs.getString("status")),
                rs.getLong("version"));
    }
}
