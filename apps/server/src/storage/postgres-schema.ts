import type { Pool } from 'pg'

/**
 * PostgreSQL schema migrations, the same shapes as `sqlite-schema.ts` (entry `i` moves version
 * `i` to `i + 1`; append, never edit a released one). Blobs are `bytea`, times `bigint` ms.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE link_generations (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    generation INTEGER NOT NULL,
    PRIMARY KEY (board_id, role)
  );
  CREATE TABLE documents (
    name TEXT PRIMARY KEY,
    state BYTEA NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE assets (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (board_id, id)
  );
  `,
  `
  CREATE TABLE document_updates (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX document_updates_by_name ON document_updates (name, id);
  `,
  // Versions submitted for review: frozen copies of a board's design document.
  `
  CREATE TABLE versions (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    state BYTEA NOT NULL,
    PRIMARY KEY (board_id, id)
  );
  `,
  // Class sessions: one board per team; deleting a board takes it out of its session.
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    template TEXT
  );
  CREATE TABLE session_boards (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    board_id TEXT NOT NULL PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    team INTEGER NOT NULL
  );
  CREATE INDEX session_boards_by_session ON session_boards (session_id, team);
  `,
]

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length

/** Key of the session-level advisory lock that lets one node at a time migrate. */
const MIGRATION_LOCK = 0x636f6e63 // "conc"

/**
 * Brings the database to `POSTGRES_SCHEMA_VERSION`; refuses a database written by a newer
 * server. Nodes starting together take turns through an advisory lock.
 */
export async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
    const row = (await client.query<{ value: string }>("SELECT value FROM settings WHERE key = 'schema_version'")).rows[0]
    const current = row ? Number(row.value) : 0
    if (!Number.isInteger(current) || current < 0) {
      throw new Error(`the database has an unreadable schema_version: ${String(row?.value)}`)
    }
    if (current > POSTGRES_SCHEMA_VERSION) {
      throw new Error(
        `the database has schema version ${current}, newer than this server's ${POSTGRES_SCHEMA_VERSION}; upgrade the server`,
      )
    }
    for (let version = current; version < POSTGRES_SCHEMA_VERSION; version++) {
      await client.query('BEGIN')
      try {
        await client.query(MIGRATIONS[version] ?? '')
        await client.query(
          "INSERT INTO settings (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          [String(version + 1)],
        )
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    client.release()
  }
}
