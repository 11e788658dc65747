package org.ticketoverflow.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotency_keys table. A record is inserted by whoever creates the thing the request asked for, in the
 * same transaction ({@link #insert}), so "created" and "key recorded" commit or vanish together. The primary key
 * (scope, key) is the guard between nodes: a second insert of a key fails with a duplicate-key error once the
 * first has committed (PostgreSQL makes it wait while the first is still in flight), and the caller then replays
 * the winner's record instead.
 */
@Repository
public class IdempotencyKeys {

    private static final String SELECT = """
            SELECT scope, request_key, fingerprint, status, resource_id, detail, field
            FROM idempotency_keys
            WHERE scope = :scope
              AND request_key IN (:keys)
            """;
    private static final String INSERT_HEAD = "INSERT INTO idempotency_keys "
            + "(scope, request_key, fingerprint, status, resource_id, detail, field, created_at) VALUES ";
    private static final String INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_BEFORE = "DELETE FROM idempotency_keys WHERE created_at < :before";

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The records of these keys of one scope that exist, by key (one round trip, whatever the number). */
    public Map<String, KeyRecord> find(String scope, Collection<String> keys) {
        Map<String, KeyRecord> found = new HashMap<>();
        if (!keys.isEmpty()) {
            jdbc.sql(SELECT).param("scope", scope).param("keys", keys).query(IdempotencyKeys::record).list().stream()
                    .forEach(record -> found.put(record.key().value(), record));
        }
        return found;
    }

    public Optional<KeyRecord> find(IdempotencyKey key) {
        return Optional.ofNullable(find(key.scope(), List.of(key.value())).get(key.value()));
    }

    /**
     * Records answers in the caller's transaction, in one multi-row statement. Rows go in key order, so two
     * transactions inserting overlapping keys wait for each other in one order and never deadlock.
     *
     * @throws org.springframework.dao.DuplicateKeyException if one of the keys is recorded already
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(List<KeyRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<KeyRecord> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparing((KeyRecord r) -> r.key().scope())
                .thenComparing(r -> r.key().value()));
        StringBuilder sql = new StringBuilder(INSERT_HEAD.length() + ordered.size() * (INSERT_ROW.length() + 2));
        sql.append(INSERT_HEAD);
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        List<Object> params = new ArrayList<>(ordered.size() * 8);
        for (int i = 0; i < ordered.size(); i++) {
            KeyRecord record = ordered.get(i);
            sql.append(i == 0 ? "" : ", ").append(INSERT_ROW);
            params.add(record.key().scope());
            params.add(record.key().value());
            params.add(record.key().fingerprint());
            params.add(record.status());
            params.add(text(record.resourceId()));
            params.add(text(record.detail()));
            params.add(text(record.field()));
            params.add(now);
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** Forgets keys recorded before the instant; a plain conditional delete, so every node may run it at once. */
    @Transactional
    public int deleteRecordedBefore(Instant before) {
        return jdbc.sql(DELETE_BEFORE)
                .param("before", before.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Typed, so that a null needs no parameter metadata from the driver. */
    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static KeyRecord record(ResultSet rs, int row) throws SQLException {
        return new KeyRecord(
                new IdempotencyKey(rs.getString("scope"), rs.getString("request_key"), rs.getString("fingerprint")),
                rs.getInt("status"),
                rs.getString("resource_id"),
                rs.getString("detail"),
                rs.getString("field"));
    }
}
