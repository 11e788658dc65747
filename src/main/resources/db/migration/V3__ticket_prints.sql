-- Printed ticket SVGs, one per ticket, tagged with the concert version they show. A print whose version is not
-- the concert's current one is never served, and is deleted in the background.
CREATE TABLE ticket_prints (
    ticket_id       VARCHAR(36)              NOT NULL PRIMARY KEY,
    concert_id      VARCHAR(36)              NOT NULL,
    concert_version BIGINT                   NOT NULL,
    svg             TEXT                     NOT NULL,
    printed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ticket_prints_by_concert ON ticket_prints (concert_id, concert_version);
