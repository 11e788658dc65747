package org.ticketoverflow.boxoffice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.ticketoverflow.jobs.NodeId;
import org.ticketoverflow.jobs.PeriodicDuty;
import org.ticketoverflow.web.NodeRoles;

/**
 * Tells the other nodes (and the operations page) that this node is up: every {@link #EVERY} (a periodic duty of
 * the jobs module, on every node) it rewrites its row in {@code nodes}, under the node's {@link NodeId}. A node whose row is older than {@link #UP_WITHIN} counts as down; rows silent for an hour are
 * removed. A failed write is only logged: a database outage must not stop the node, and the row simply ages.
 */
@Component
class NodeHeartbeat {

    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration UP_WITHIN = Duration.ofSeconds(20);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final Nodes nodes;
    private final String node;
    private final String roles;

    NodeHeartbeat(Nodes nodes, NodeRoles roles, NodeId node) {
        this.nodes = nodes;
        this.node = node.value();
        List<String> names = new ArrayList<>();
        if (roles.api()) {
            names.add("api");
        }
        if (roles.worker()) {
            names.add("worker");
        }
        this.roles = String.join(",", names);
    }

    String node() {
        return node;
    }

    @Bean
    static PeriodicDuty nodeHeartbeatDuty(NodeHeartbeat heartbeat) {
        return PeriodicDuty.onEveryNode("writing this node's heartbeat", EVERY, heartbeat::beat);
    }

    void beat() {
        Instant now = Instant.now();
        try {
            nodes.seen(node, roles, now);
            nodes.forgetSilentSince(now.minus(FORGET_AFTER));
        } catch (DataAccessException e) {
            log.warn("could not record this node's heartbeat: {}", e.getMessage());
        }
    }
}
