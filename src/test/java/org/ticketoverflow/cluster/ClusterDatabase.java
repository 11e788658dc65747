package org.ticketoverflow.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster's database as the nodes left it, read over plain JDBC: what was committed is the truth the tests
 * hold the HTTP answers against.
 */
final class ClusterDatabase {

    private static final String CONCERT = "SELECT capacity, sold, status FROM concerts WHERE id = ?";
    private static final String TICKETS = "SELECT id, print_status FROM tickets WHERE concert_id = ?";
    private static final String JOBS = """
            SELECT id, kind, subject, state, lease_owner, lease_until
            FROM jobs
            """;
    private static final String PRINTED_AT = """
            SELECT p.ticket_id, p.printed_at
            FROM ticket_prints p
            JOIN tickets t ON t.id = p.ticket_id
            WHERE t.concert_id = ?
            """;

    private final String url;

    ClusterDatabase(String url) {
        this.url = url;
    }

    record ConcertRow(int capacity, int sold, String status) {}

    record JobRow(long id, String kind, String subject, String state, String leaseOwner, Instant leaseUntil) {

        /** Whether the lease owner names the node with this pid (the jobs module writes host:pid:random). */
        boolean ownedBy(long pid) {
            return leaseOwner != null && List.of(leaseOwner.split(":")).contains(Long.toString(pid));
        }
    }

    ConcertRow concert(String concertId) {
        return query(CONCERT, concertId, rs -> {
            rs.next();
            return new ConcertRow(rs.getInt(1), rs.getInt(2), rs.getString(3));
        });
    }

    /** Ticket id → print status, for every ticket of the concert. */
    Map<String, String> tickets(String concertId) {
        return query(TICKETS, concertId, rs -> {
            Map<String, String> tickets = new HashMap<>();
            while (rs.next()) {
                tickets.put(rs.getString(1), rs.getString(2));
            }
            return tickets;
        });
    }

    List<JobRow> jobs() {
        return query(JOBS, null, rs -> {
            List<JobRow> jobs = new ArrayList<>();
            while (rs.next()) {
                OffsetDateTime leaseUntil = rs.getObject(6, OffsetDateTime.class);
                jobs.add(new JobRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        leaseUntil == null ? null : leaseUntil.toInstant()));
            }
            return jobs;
        });
    }

    List<JobRow> jobsOf(Set<String> subjects) {
        return jobs().stream().filter(job -> subjects.contains(job.subject())).toList();
    }

    /** Ticket id → when its print was stored, for the printed tickets of the concert. */
    Map<String, Instant> printedAt(String concertId) {
        return query(PRINTED_AT, concertId, rs -> {
            Map<String, Instant> printed = new HashMap<>();
            while (rs.next()) {
                printed.put(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
            }
            return printed;
        });
    }

    Set<String> ticketIds(String concertId) {
        return new HashSet<>(tickets(concertId).keySet());
    }

    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, String parameter, Rows<T> rows) {
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
