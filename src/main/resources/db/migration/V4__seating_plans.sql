-- The latest rendered seating plan of each concert, served as stored. stale_since is set while the concert has
-- changed (purchases, updates) since the plan was rendered: it is what the staleness bound is measured on.
CREATE TABLE seating_plans (
    concert_id      VARCHAR(36)              NOT NULL PRIMARY KEY,
    svg             TEXT,
    sold            INTEGER                  NOT NULL,
    concert_version BIGINT                   NOT NULL,
    rendered_at     TIMESTAMP WITH TIME ZONE,
    stale_since     TIMESTAMP WITH TIME ZONE,
    -- set while a worker renders this plan, so the sweep does not queue a second, concurrent render
    rendering_since TIMESTAMP WITH TIME ZONE
);
