package org.ticketoverflow.boxoffice;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.ticketoverflow.web.NodeRoles;

/**
 * Tells the other nodes (and the operations page) that this node is up: every {@link #EVERY} it rewrites its row
 * in {@code nodes}. A node whose row is older than {@link #UP_WITHIN} counts as down; rows silent for an hour are
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

    NodeHeartbeat(Nodes nodes, NodeRoles roles) {
        this.nodes = nodes;
        this.node = hostname() + ":" + ProcessHandle.current().pid() + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
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

    @Scheduled(fixedDelay = 5, timeUnit = java.util.concurrent.TimeUnit.SECONDS)
    void beat() {
        Instant now = Instant.now();
        try {
            nodes.seen(node, roles, now);
            nodes.forgetSilentSince(now.minus(FORGET_AFTER));
        } catch (DataAccessException e) {
            log.warn("could not record this node's heartbeat: {}", e.getMessage());
        }
    }

    private static String hostname() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
