-- rebound: the whole schema, the single source for local dev, tests and production.
-- Re-runnable: every statement is IF NOT EXISTS (or, for an index replaced, DROP ... IF EXISTS).
-- Times are epoch milliseconds (UTC).
-- Every row belongs to one owner; every query in src/db/ filters by owner_id.

CREATE TABLE IF NOT EXISTS owners (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name          TEXT,                       -- as their forwards sign it, for drafts
  timezone      TEXT,                       -- IANA zone; NULL means the TIMEZONE var
  send_hour     INTEGER CHECK (send_hour BETWEEN 0 AND 23),  -- NULL means SEND_HOUR
  send_days     TEXT NOT NULL DEFAULT '1,2,3,4,5',          -- ISO weekdays, Monday = 1
  cadence       TEXT,                       -- JSON overrides of the default playbook
  calendar_token TEXT UNIQUE,               -- secret for /calendar/<token>.ics
  landed_at     INTEGER,
  landed_company TEXT,
  landed_role   TEXT,
  created_at    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS applications (
  id            INTEGER PRIMARY KEY,
  owner_id      INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  -- Identifies the employer's original email so a second forward of it (or a
  -- duplicate delivery) lands on the same application.
  original_key  TEXT NOT NULL,
  company       TEXT,
  role          TEXT,
  status        TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'needs_review', 'paused', 'stopped')),
  rejected_at   INTEGER,
  confidence    REAL,
  ats           TEXT,
  dream         INTEGER NOT NULL DEFAULT 0,
  feedback_opt_in INTEGER NOT NULL DEFAULT 0,
  consulting_opt_in INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  UNIQUE (owner_id, original_key)
);
CREATE INDEX IF NOT EXISTS applications_owner_created ON applications (owner_id, created_at DESC);

CREATE TABLE IF NOT EXISTS contacts (
  id            INTEGER PRIMARY KEY,
  owner_id      INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  email         TEXT NOT NULL COLLATE NOCASE,
  name          TEXT,
  title         TEXT,
  source        TEXT NOT NULL DEFAULT 'email',   -- email | note | manual
  rapport       INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  UNIQUE (application_id, email)
);

-- Inbound mail: each forward the owner sent (the original's text, not the raw MIME).
CREATE TABLE IF NOT EXISTS messages (
  id            INTEGER PRIMARY KEY,
  owner_id      INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
  message_id    TEXT NOT NULL,             -- the forward's Message-ID (or a content hash)
  kind          TEXT NOT NULL DEFAULT 'forward',   -- forward | command
  subject       TEXT,
  note          TEXT,
  original_message_id TEXT,
  original_from TEXT,
  original_subject TEXT,
  original_date INTEGER,
  original_text TEXT,
  received_at   INTEGER NOT NULL,
  UNIQUE (owner_id, message_id)
);
CREATE INDEX IF NOT EXISTS messages_application ON messages (application_id);
CREATE INDEX IF NOT EXISTS messages_owner_received ON messages (owner_id, received_at);

CREATE TABLE IF NOT EXISTS follow_ups (
  id            INTEGER PRIMARY KEY,
  owner_id      INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
  contact_id    INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
  -- Stable identity of a planned step ("thank-you:priya@x.test", "value-note:2:..."),
  -- so planning twice never duplicates a step.
  step_key      TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('thank-you', 'feedback-request', 'self-review',
                  'connect', 'value-note', 'check-in', 'consulting-offer', 'landed-update')),
  due_at        INTEGER NOT NULL,
  status        TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sent', 'failed', 'skipped', 'done')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  claimed_at    INTEGER,                   -- set while a cron run is sending it
  claim_id      TEXT,
  last_error    TEXT,
  sent_at       INTEGER,
  draft_subject TEXT,                      -- the owner's own edit of the draft, if any
  draft_body    TEXT,
  created_at    INTEGER NOT NULL,
  UNIQUE (owner_id, step_key)
);
-- The cron's claim (claimDue): only the rows it may claim, pending or failed and not claimed,
-- oldest due first. A row leaves it when claimed, sent, done or skipped, so a run reads the
-- entries due now and stops at its tenth owner, however long the history. Status and claimed_at
-- are columns as well so the owner pick reads nothing else (SQLite does not take a column's
-- value from a partial index's WHERE). claimDue's WHERE repeats this WHERE word for word:
-- SQLite uses a partial index only for a query whose WHERE contains the index's.
CREATE INDEX IF NOT EXISTS follow_ups_claimable ON follow_ups (due_at, owner_id, application_id, status, claimed_at)
  WHERE status IN ('pending', 'failed') AND claimed_at IS NULL;
CREATE INDEX IF NOT EXISTS follow_ups_application ON follow_ups (application_id);
CREATE INDEX IF NOT EXISTS follow_ups_owner_due ON follow_ups (owner_id, status, due_at);
-- A run reads back what it claimed by claim_id; only claimed rows are in it, so a claim adds
-- entries here instead of moving them among one NULL per row of history.
CREATE INDEX IF NOT EXISTS follow_ups_claim_id ON follow_ups (claim_id) WHERE claim_id IS NOT NULL;
-- Releasing stale claims looks only at claimed rows, however large the history grows.
CREATE INDEX IF NOT EXISTS follow_ups_claimed ON follow_ups (claimed_at) WHERE claimed_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS follow_ups_contact ON follow_ups (contact_id);
-- Replaced by follow_ups_claimable and follow_ups_claim_id (issue 8); applying this file to a
-- database made before removes them.
DROP INDEX IF EXISTS follow_ups_due;
DROP INDEX IF EXISTS follow_ups_claim;

-- Every email rebound sent (always to an owner).
CREATE TABLE IF NOT EXISTS outbox (
  id            INTEGER PRIMARY KEY,
  owner_id      INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL,
  kind          TEXT NOT NULL,             -- digest | reminder | confirmation | help | review
  to_addr       TEXT NOT NULL,
  subject       TEXT NOT NULL,
  message_id    TEXT NOT NULL UNIQUE,      -- ours, so the owner's replies can be matched
  in_reply_to   TEXT,
  status        TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'failed', 'retrying')),
  error         TEXT,
  attempts      INTEGER NOT NULL DEFAULT 1,
  sent_at       INTEGER,
  created_at    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_owner_created ON outbox (owner_id, created_at DESC);
-- One reply per inbound message and kind: duplicate deliveries don't reply twice.
CREATE UNIQUE INDEX IF NOT EXISTS outbox_reply_once ON outbox (owner_id, kind, in_reply_to);

CREATE TABLE IF NOT EXISTS outbox_follow_ups (
  outbox_id     INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  follow_up_id  INTEGER NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
  PRIMARY KEY (outbox_id, follow_up_id)
);

CREATE TABLE IF NOT EXISTS api_tokens (
  id            INTEGER PRIMARY KEY,
  owner_id      INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  token_hash    TEXT NOT NULL UNIQUE,      -- SHA-256 hex; the token itself is shown once
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER,
  revoked_at    INTEGER
);

-- Dashboard logins: the cookie holds a random session id; only its SHA-256 is
-- stored, so a copy of the database can't be replayed as a login. Deleting the
-- row (log out, delete my data) ends the session at once.
CREATE TABLE IF NOT EXISTS sessions (
  id_hash       TEXT PRIMARY KEY,          -- SHA-256 hex of the cookie's session id
  owner_id      INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_owner ON sessions (owner_id);
