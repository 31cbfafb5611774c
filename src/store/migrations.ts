/**
 * Schema versions, applied in order and recorded in `schema_migrations`. Never edit a shipped
 * migration: add the next one, so every existing kai-bot.sqlite upgrades the same way.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'notifications: subscriptions, change events, deliveries outbox, baseline',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
        workspace_id TEXT NOT NULL DEFAULT '',
        channel_id TEXT NOT NULL,
        channel_key TEXT NOT NULL,
        -- '' means every team: SQLite treats NULLs as distinct in UNIQUE, which would allow duplicates.
        team_id TEXT NOT NULL DEFAULT '',
        lang TEXT NOT NULL CHECK (lang IN ('ko', 'en')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        origin TEXT NOT NULL CHECK (origin IN ('command', 'config')),
        inactive_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (channel_key, team_id)
      );

      CREATE TABLE change_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        payload TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );

      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES change_events (id),
        channel_key TEXT NOT NULL,
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL DEFAULT '',
        channel_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        permanent_failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        finished_at TEXT,
        -- The exactly-once guarantee: one change reaches one channel at most once.
        UNIQUE (event_id, channel_key)
      );
      CREATE INDEX deliveries_pending ON deliveries (status, next_attempt_at);

      CREATE TABLE baseline (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        input_hash TEXT NOT NULL,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'several instances: delivery claims with a lease, in-doubt attempts, handled-once keys',
    sql: `
      ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;
      ALTER TABLE deliveries ADD COLUMN claim_expires_at INTEGER;
      -- 1 once a claim lapsed without a mark: the attempt may have reached the platform.
      ALTER TABLE deliveries ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0 CHECK (in_doubt IN (0, 1));

      CREATE TABLE handled_once (
        key TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
      );
    `,
  },
]
