-- Nodes that are (or were recently) running, for the box office's operations page: each node rewrites its own
-- row every few seconds; a row not seen for a while is a node that is down.
CREATE TABLE nodes (
    node_id    VARCHAR(200)             NOT NULL PRIMARY KEY,
    roles      VARCHAR(50)              NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
