/**
 * PostgreSQL's schema versions: the same versions, names and tables as SQLite's (migrations.ts), in
 * PostgreSQL's dialect, recorded in `schema_migrations`. Never edit a shipped migration: add the next
 * one to both lists, so every database upgrades the same way whichever store it is.
 */
export const PG_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'notifications: subscriptions, change events, deliveries outbox, baseline',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
        workspace_id TEXT NOT NULL DEFAULT '',
        channel_id TEXT NOT NULL,
        channel_key TEXT NOT NULL,
        -- '' means every team, as in SQLite, so both stores share one key.
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
        seq INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        payload TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );

      CREATE TABLE deliveries (
        id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES change_events (id),
        channel_key TEXT NOT NULL,
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL DEFAULT '',
        channel_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        permanent_failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT NOT NULL DEFAULT 0,
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
      ALTER TABLE deliveries ADD COLUMN claim_expires_at BIGINT;
      ALTER TABLE deliveries ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0 CHECK (in_doubt IN (0, 1));
      CREATE INDEX deliveries_channel_pending ON deliveries (channel_key, id) WHERE status = 'pending';

      CREATE TABLE handled_once (
        key TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
      );
    `,
  },
]
