-- Idempotency keys (module idempotency): one row per answered keyed request, written in the same transaction as
-- what the request created (a purchase's row is part of its group-commit batch). The primary key is what makes
-- a second sale under one key impossible, on any number of nodes.
CREATE TABLE idempotency_keys (
    -- method and path, e.g. 'POST /api/v1/tickets': a key names a request to one endpoint
    scope        VARCHAR(100)             NOT NULL,
    request_key  VARCHAR(255)             NOT NULL,
    -- SHA-256 (hex) of the canonical JSON body: the same key with another body is refused
    fingerprint  VARCHAR(64)              NOT NULL,
    -- the recorded answer: 201 with the created resource's id, or a 400/422 problem's detail and field
    status       INTEGER                  NOT NULL,
    resource_id  VARCHAR(36),
    detail       VARCHAR(20000),
    field        VARCHAR(20000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, request_key)
);

-- serves the retention cleanup
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
