package org.ticketoverflow.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
