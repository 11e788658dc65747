package org.ticketoverflow.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets table. Print status changes are conditional updates whose rule sits in the WHERE clause, so two
 * nodes (or a request and a worker) can never move a ticket through an impossible transition.
 */
@Repository
public class Tickets {

    private static final String SELECT = """
            SELECT id, concert_id, user_id, print_status, printed_version
            FROM tickets
            """;
    private static final String SELECT_LISTED = """
            SELECT id, concert_id, user_id, print_status, printed_version, seq
            FROM tickets
            """;
    private static final int FETCH_SIZE = 500;
    private static final String INSERT_HEAD =
            "INSERT INTO tickets (id, concert_id, user_id, print_status, created_at) VALUES ";
    private static final String INSERT_ROW = "(?, ?, ?, 'NOT_PRINTED', ?)";
    /*
     * The whole sale of a batch in one statement: the concert's row is locked (the subquery), as many seats as are
     * left up to the batch's size are taken under the capacity rule of Concerts#takeSeats, and the first that many
     * of the batch's tickets are inserted. The subquery's locked read gives the seats sold before this statement,
     * so RETURNING can tell how many it granted.
     */
    private static final String SELL_HEAD = """
            WITH seats AS (
                UPDATE concerts c
                SET sold = c.sold + LEAST(?, c.capacity - c.sold),
                    status = CASE WHEN c.sold + LEAST(?, c.capacity - c.sold) = c.capacity THEN 'SOLD_OUT'
                                  ELSE c.status END
                FROM (SELECT id, sold FROM concerts WHERE id = ? FOR UPDATE) before
                WHERE c.id = before.id AND c.status = 'ACTIVE' AND c.sold < c.capacity
                RETURNING c.sold - before.sold AS granted
            ), sold AS (
                INSERT INTO tickets (id, concert_id, user_id, print_status, created_at)
                SELECT wanted.id, ?, wanted.user_id, 'NOT_PRINTED', ?
                FROM seats, (VALUES\s""";
    private static final String SELL_TAIL = """
            ) AS wanted (id, user_id, n)
                WHERE wanted.n <= seats.granted
            )
            SELECT granted FROM seats""";
    /*
     * The sales of several concerts' batches in one statement, each under the same rule as the one-concert sale
     * above: one commit for all of them, where many concerts on sale at once would otherwise give the database a
     * statement and a commit for every two or three tickets. The concerts' rows are locked in id order (no other
     * statement locks more than one concert's row), so two of these never wait for each other in a cycle; run in a
     * transaction, it is followed only by the key insert, which takes its keys in key order.
     */
    private static final String SELL_SEVERAL = """
            WITH wanted AS (
                SELECT * FROM unnest(?::varchar[], ?::int[]) AS wanted (concert_id, n)
            ), before AS (
                SELECT id, sold FROM concerts WHERE id IN (SELECT concert_id FROM wanted) ORDER BY id FOR UPDATE
            ), seats AS (
                UPDATE concerts c
                SET sold = c.sold + LEAST(wanted.n, c.capacity - c.sold),
                    status = CASE WHEN c.sold + LEAST(wanted.n, c.capacity - c.sold) = c.capacity THEN 'SOLD_OUT'
                                  ELSE c.status END
                FROM before, wanted
                WHERE c.id = before.id AND wanted.concert_id = before.id
                  AND c.status = 'ACTIVE' AND c.sold < c.capacity
                RETURNING c.id, c.sold - before.sold AS granted
            ), sold AS (
                INSERT INTO tickets (id, concert_id, user_id, print_status, created_at)
                SELECT offered.id, offered.concert_id, offered.user_id, 'NOT_PRINTED', ?
                FROM seats, unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int[])
                    AS offered (id, concert_id, user_id, n)
                WHERE offered.concert_id = seats.id AND offered.n <= seats.granted
            )
            SELECT id, granted FROM seats""";
    private static final String REQUEST_PRINT = """
            UPDATE tickets
            SET print_status = 'PENDING'
            WHERE id = :id
              AND (print_status IN ('NOT_PRINTED', 'ERROR')
                   OR (print_status = 'PRINTED' AND printed_version <> :version))
            """;
    private static final String MARK_PRINTED = """
            UPDATE tickets
            SET print_status = 'PRINTED', printed_version = :version
            WHERE id = :id
              AND print_status = 'PENDING'
            """;
    private static final String MARK_PRINT_FAILED = """
            UPDATE tickets
            SET print_status = 'ERROR'
            WHERE id = :id
              AND print_status = 'PENDING'
            """;

    private final JdbcClient jdbc;
    private final boolean oneStatementSales;

    Tickets(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.oneStatementSales = oneStatementSales(dataSource);
    }

    /**
     * PostgreSQL, and a pool whose connections auto-commit (the default): a pool set to hand out connections
     * without it would leave the one-statement sale uncommitted when it returns, so batches then keep the
     * transaction. H2 has no data-modifying WITH.
     */
    private static boolean oneStatementSales(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(
                    dataSource,
                    meta -> "PostgreSQL".equalsIgnoreCase(meta.getDatabaseProductName())
                            && meta.getConnection().getAutoCommit());
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database holds the tickets", e);
        }
    }

    /**
     * Whether {@link #sellInOneStatement} can be used (see {@link #oneStatementSales}), and with it
     * {@link #sellInTransaction}: the same statement, which H2 cannot run.
     */
    boolean sellsInOneStatement() {
        return oneStatementSales;
    }

    /** Inserts tickets in one multi-row statement (one round trip per batch). */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(String concertId, List<String> ids, List<String> userIds, OffsetDateTime at) {
        StringBuilder sql = new StringBuilder(INSERT_HEAD.length() + ids.size() * (INSERT_ROW.length() + 2));
        sql.append(INSERT_HEAD);
        List<Object> params = new ArrayList<>(ids.size() * 4);
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(INSERT_ROW);
            params.add(ids.get(i));
            params.add(concertId);
            params.add(userIds.get(i));
            params.add(at);
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /**
     * PostgreSQL only: sells a batch in one statement run on its own (auto-commit), so one round trip instead of
     * a transaction's four, and the tickets are committed when it returns. Takes up to {@code ids.size()} seats
     * and inserts the tickets of the first that many ids. Returns the seats granted, or empty when none could be
     * (the concert is unknown, cancelled or sold out: the caller reads which).
     */
    @Transactional(propagation = Propagation.NEVER)
    OptionalInt sellInOneStatement(String concertId, List<String> ids, List<String> userIds, OffsetDateTime at) {
        return sell(concertId, ids, userIds, at);
    }

    /**
     * The same statement in the caller's transaction (a keyed batch), committed with the batch's keys: one round
     * trip for seats and tickets instead of three (lock, increment, insert).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    OptionalInt sellInTransaction(String concertId, List<String> ids, List<String> userIds, OffsetDateTime at) {
        return sell(concertId, ids, userIds, at);
    }

    private OptionalInt sell(String concertId, List<String> ids, List<String> userIds, OffsetDateTime at) {
        StringBuilder sql = new StringBuilder(SELL_HEAD.length() + SELL_TAIL.length() + ids.size() * 16);
        sql.append(SELL_HEAD);
        List<Object> params = new ArrayList<>(5 + ids.size() * 2);
        params.add(ids.size());
        params.add(ids.size());
        params.add(concertId);
        params.add(concertId);
        params.add(at);
        for (int i = 0; i < ids.size(); i++) {
            // the ordinal is ours, not the client's: a literal keeps the row's third column an integer
            sql.append(i == 0 ? "(?, ?, " : ", (?, ?, ").append(i + 1).append(')');
            params.add(ids.get(i));
            params.add(userIds.get(i));
        }
        sql.append(SELL_TAIL);
        return jdbc.sql(sql.toString()).params(params).query(Integer.class).optional().stream()
                .mapToInt(Integer::intValue)
                .findFirst();
    }

    /** One concert's batch in {@link #sellSeveralInOneStatement}: its ticket ids and their buyers, in order. */
    record ConcertSale(String concertId, List<String> ids, List<String> userIds) {}

    /**
     * PostgreSQL only: sells the batches of several concerts (each concert once, or nothing is sold) in one
     * auto-committed statement, each as {@link #sellInOneStatement} would. Returns the seats granted per concert
     * id; a concert that granted none (unknown, cancelled or sold out: the caller reads which) is absent.
     */
    @Transactional(propagation = Propagation.NEVER)
    Map<String, Integer> sellSeveralInOneStatement(List<ConcertSale> sales, OffsetDateTime at) {
        return sellSeveral(sales, at);
    }

    /**
     * The same statement in the caller's transaction (keyed batches of several concerts), committed with their
     * keys; the concerts' rows stay locked until that commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, Integer> sellSeveralInTransaction(List<ConcertSale> sales, OffsetDateTime at) {
        return sellSeveral(sales, at);
    }

    private Map<String, Integer> sellSeveral(List<ConcertSale> sales, OffsetDateTime at) {
        // a concert twice would update its row once but insert both batches' first "granted" tickets
        if (sales.stream().map(ConcertSale::concertId).distinct().count() != sales.size()) {
            throw new IllegalArgumentException("a sale of several concerts names one concert twice");
        }
        int tickets = sales.stream().mapToInt(sale -> sale.ids().size()).sum();
        String[] concertIds = new String[sales.size()];
        int[] wanted = new int[sales.size()];
        String[] ids = new String[tickets];
        String[] ofConcert = new String[tickets];
        String[] userIds = new String[tickets];
        int[] ordinals = new int[tickets];
        int t = 0;
        for (int s = 0; s < sales.size(); s++) {
            ConcertSale sale = sales.get(s);
            concertIds[s] = sale.concertId();
            wanted[s] = sale.ids().size();
            for (int i = 0; i < sale.ids().size(); i++, t++) {
                ids[t] = sale.ids().get(i);
                ofConcert[t] = sale.concertId();
                userIds[t] = sale.userIds().get(i);
                ordinals[t] = i + 1;
            }
        }
        Map<String, Integer> granted = new HashMap<>();
        // arrays, not a VALUES row per ticket: one statement text whatever the batches, so it is parsed and
        // planned once per connection, where every mix of concerts and batch sizes would be a new text
        jdbc.sql(SELL_SEVERAL)
                .params(concertIds, wanted, at, ids, ofConcert, userIds, ordinals)
                .query((RowCallbackHandler) rs -> granted.put(rs.getString(1), rs.getInt(2)));
        return granted;
    }

    /**
     * Whether a failed {@link #sellInOneStatement}, or a sale transaction's failed commit, certainly wrote nothing:
     * no connection was had, or it failed with an SQL state other than a connection exception (class 08), so the
     * database refused or rolled it back (or the driver refused to send it). Otherwise the connection failed on
     * the way there or back, and the statement or the commit may have gone through all the same.
     */
    static boolean wroteNothing(RuntimeException failure) {
        if (failure instanceof CannotGetJdbcConnectionException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return !sql.getSQLState().startsWith("08");
            }
        }
        return false;
    }

    /** How many of these ticket ids have a ticket row. */
    int existing(List<String> ids) {
        return jdbc.sql("SELECT COUNT(*) FROM tickets WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Integer.class)
                .single();
    }

    public Optional<Ticket> find(String id) {
        return jdbc.sql(SELECT + "WHERE id = :id")
                .param("id", id)
                .query(Tickets::ticket)
                .optional();
    }

    /** A listed ticket and its place in purchase order. */
    @FunctionalInterface
    public interface Listed {
        void next(Ticket ticket, long seq);
    }

    /**
     * Hands the tickets after purchase position {@code afterSeq} to {@code listed}, in purchase order, optionally
     * only a user's and/or a concert's (null: no filter), at most {@code max} of them (0: all). Rows come from a
     * database cursor {@value #FETCH_SIZE} at a time (PostgreSQL keeps a cursor only inside a transaction, hence
     * the read-only one), so a list of millions costs no more memory than a short one.
     */
    @Transactional(readOnly = true)
    public void list(String userId, String concertId, long afterSeq, int max, Listed listed) {
        StringBuilder sql = new StringBuilder(SELECT_LISTED).append("WHERE seq > :after\n");
        if (userId != null) {
            sql.append("  AND user_id = :user\n");
        }
        if (concertId != null) {
            sql.append("  AND concert_id = :concert\n");
        }
        sql.append("ORDER BY seq").append(max > 0 ? " LIMIT :max" : "");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).withFetchSize(FETCH_SIZE).param("after", afterSeq);
        if (userId != null) {
            statement = statement.param("user", userId);
        }
        if (concertId != null) {
            statement = statement.param("concert", concertId);
        }
        if (max > 0) {
            statement = statement.param("max", max);
        }
        statement.query((RowCallbackHandler) rs -> listed.next(ticket(rs, 0), rs.getLong("seq")));
    }

    /**
     * NOT_PRINTED, ERROR, or PRINTED at an older concert version → PENDING.
     *
     * @return whether the ticket moved to PENDING (and so needs a print job)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean requestPrint(String ticketId, long currentConcertVersion) {
        return jdbc.sql(REQUEST_PRINT)
                        .param("id", ticketId)
                        .param("version", currentConcertVersion)
                        .update()
                == 1;
    }

    /** PENDING → PRINTED at the given concert version; false if the ticket was not pending. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markPrinted(String ticketId, long concertVersion) {
        return jdbc.sql(MARK_PRINTED)
                        .param("id", ticketId)
                        .param("version", concertVersion)
                        .update()
                == 1;
    }

    /** PENDING → ERROR. */
    @Transactional
    public boolean markPrintFailed(String ticketId) {
        return jdbc.sql(MARK_PRINT_FAILED).param("id", ticketId).update() == 1;
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        long printed = rs.getLong("printed_version");
        return new Ticket(
                rs.getString("id"),
                rs.getString("concert_id"),
                rs.getString("user_id"),
                PrintStatus.valueOf(rs.getString("print_status")),
                rs.wasNull() ? null : printed);
    }
}
