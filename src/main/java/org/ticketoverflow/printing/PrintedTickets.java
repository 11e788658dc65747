package org.ticketoverflow.printing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The ticket_prints table: one SVG per ticket, tagged with the concert version it shows. */
@Repository
class PrintedTickets {

    private static final String FIND = """
            SELECT concert_version, svg
            FROM ticket_prints
            WHERE ticket_id = :ticket
            """;
    private static final String DELETE_ONE = "DELETE FROM ticket_prints WHERE ticket_id = :ticket";
    private static final String INSERT = """
            INSERT INTO ticket_prints (ticket_id, concert_id, concert_version, svg, printed_at)
            VALUES (:ticket, :concert, :version, :svg, :now)
            """;
    private static final String DELETE_OUTDATED = """
            DELETE FROM ticket_prints
            WHERE concert_id = :concert
              AND concert_version < :version
            """;
    private static final String CONCERTS_WITH_PRINTS = "SELECT DISTINCT concert_id FROM ticket_prints";

    private final JdbcClient jdbc;

    PrintedTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredPrint(long concertVersion, String svg) {}

    Optional<StoredPrint> find(String ticketId) {
        return jdbc.sql(FIND)
                .param("ticket", ticketId)
                .query((rs, n) -> new StoredPrint(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void store(String ticketId, String concertId, long version, String svg) {
        jdbc.sql(DELETE_ONE).param("ticket", ticketId).update();
        jdbc.sql(INSERT)
                .param("ticket", ticketId)
                .param("concert", concertId)
                .param("version", version)
                .param("svg", svg)
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Deletes the prints of a concert made before {@code currentVersion}; they can never be served again. */
    @Transactional
    int deleteOutdated(String concertId, long currentVersion) {
        return jdbc.sql(DELETE_OUTDATED)
                .param("concert", concertId)
                .param("version", currentVersion)
                .update();
    }

    List<String> concertsWithPrints() {
        return jdbc.sql(CONCERTS_WITH_PRINTS).query(String.class).list();
    }
}
