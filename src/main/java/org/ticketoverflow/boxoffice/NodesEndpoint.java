package org.ticketoverflow.boxoffice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/nodes}: every node seen in the last hour, whether it is up (seen within
 * {@link NodeHeartbeat#UP_WITHIN}) and which one answered. Served by every node, like the rest of Actuator.
 */
@Component
@Endpoint(id = "nodes")
class NodesEndpoint {

    private final Nodes nodes;
    private final NodeHeartbeat heartbeat;

    NodesEndpoint(Nodes nodes, NodeHeartbeat heartbeat) {
        this.nodes = nodes;
        this.heartbeat = heartbeat;
    }

    /** A node as the operations page shows it; {@code self} marks the node that answered. */
    record NodeState(String node, String roles, boolean up, boolean self, Instant startedAt, Instant seenAt) {}

    @ReadOperation
    List<NodeState> nodes() {
        Instant now = Instant.now();
        return nodes.all().stream()
                .map(n -> new NodeState(
                        n.node(),
                        n.roles(),
                        Duration.between(n.seenAt(), now).compareTo(NodeHeartbeat.UP_WITHIN) <= 0,
                        n.node().equals(heartbeat.node()),
                        n.startedAt(),
                        n.seenAt()))
                .toList();
    }
}
