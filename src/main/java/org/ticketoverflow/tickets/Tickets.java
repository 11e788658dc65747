package org.ticketoverflow.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** Tickets in purchase order, optionally only a user's and/or a concert's (null: no filter). */
    public List<Ticket> list(String userId, String concertId) {
        StringBuilder sql = new StringBuilder(SELECT);
        JdbcClient.StatementSpec statement;
        if (userId != null && concertId != null) {
            statement = jdbc.sql(sql.append("WHERE user_id = :user AND concert_id = :concert ORDER BY seq")
                            .toString())
                    .param("user", userId)
                    .param("concert", concertId);
        } else if (userId != null) {
            statement = jdbc.sql(
                            sql.append("WHERE user_id = :user ORDER BY seq").toString())
                    .param("user", userId);
        } else if (concertId != null) {
            statement = jdbc.sql(sql.append("WHERE concert_id = :concert ORDER BY seq")
                            .toString())
                    .param("concert", concertId);
        } else {
            statement = jdbc.sql(sql.append("ORDER BY seq").toString());
        }
        return statement.query(Tickets::ticket).list();
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
