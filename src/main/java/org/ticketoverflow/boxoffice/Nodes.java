package org.ticketoverflow.boxoffice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The nodes table: one row per running node, rewritten by its {@link NodeHeartbeat}. */
@Repository
class Nodes {

    private static final String TOUCH = """
            UPDATE nodes
            SET seen_at = :now, roles = :roles
            WHERE node_id = :node
            """;
    private static final String ADD = """
            INSERT INTO nodes (node_id, roles, started_at, seen_at)
            VALUES (:node, :roles, :now, :now)
            """;
    private static final String FORGET = "DELETE FROM nodes WHERE seen_at < :before";
    private static final String ALL = "SELECT node_id, roles, started_at, seen_at FROM nodes ORDER BY node_id";

    private final JdbcClient jdbc;

    Nodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A node as last seen. */
    record Node(String node, String roles, Instant startedAt, Instant seenAt) {}

    /** Records that {@code node} is alive now; only this node ever writes its row, so update-then-insert is safe. */
    @Transactional
    void seen(String node, String roles, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int touched = jdbc.sql(TOUCH)
                .param("node", node)
                .param("roles", roles)
                .param("now", at)
                .update();
        if (touched == 0) {
            jdbc.sql(ADD)
                    .param("node", node)
                    .param("roles", roles)
                    .param("now", at)
                    .update();
        }
    }

    @Transactional
    void forgetSilentSince(Instant before) {
        jdbc.sql(FORGET).param("before", before.atOffset(ZoneOffset.UTC)).update();
    }

    List<Node> all() {
        return jdbc.sql(ALL)
                .query((rs, n) -> new Node(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }
}
