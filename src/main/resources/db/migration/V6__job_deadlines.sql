-- Deadline scheduling (module jobs): every job carries the deadline of the promise it serves, and workers claim
-- the job with the least slack (deadline - now - expected run time of its kind). Same SQL on H2 and PostgreSQL.

ALTER TABLE jobs ADD COLUMN deadline TIMESTAMP WITH TIME ZONE;
-- jobs queued before this migration keep their first-come, first-served order
UPDATE jobs SET deadline = run_at;
ALTER TABLE jobs ALTER COLUMN deadline SET NOT NULL;

-- the fixed lanes are gone: urgency is the deadline alone
DROP INDEX jobs_claim_order;
ALTER TABLE jobs DROP COLUMN lane;
-- what the producer derived the deadline from (a print: its concert's date as epoch day), so a sweep can tell
-- which waiting jobs need a new deadline after that changed
ALTER TABLE jobs RENAME COLUMN sort_key TO deadline_basis;

-- serves the claim: per kind, the queued rows in deadline order
CREATE INDEX jobs_claim_by_deadline ON jobs (state, kind, deadline, id);

-- How long a job of each kind takes, learned from measured runs (an exponentially weighted moving average),
-- shared by every node so a new node starts with what the others learned.
CREATE TABLE job_run_times (
    kind        VARCHAR(64)              NOT NULL PRIMARY KEY,
    expected_ms BIGINT                   NOT NULL,
    samples     BIGINT                   NOT NULL,
    measured_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A print job that ended FAILED before this release (lease lost on its last attempt) left its ticket PENDING
-- for good; such tickets read ERROR now, so a new print request moves them again.
UPDATE tickets
SET print_status = 'ERROR'
WHERE print_status = 'PENDING'
  AND NOT EXISTS (
      SELECT 1 FROM jobs
      WHERE jobs.kind = 'print'
        AND jobs.subject = tickets.id
        AND jobs.state IN ('QUEUED', 'RUNNING'));
