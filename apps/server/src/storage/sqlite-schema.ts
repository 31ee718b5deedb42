import type { DatabaseSync } from 'node:sqlite'

/**
 * Schema migrations, applied in order on open: entry `i` moves the schema from version `i` to
 * `i + 1`. Append new entries; never edit a released one.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE link_generations (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    generation INTEGER NOT NULL,
    PRIMARY KEY (board_id, role)
  ) STRICT;
  CREATE TABLE documents (
    name TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE assets (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (board_id, id)
  ) STRICT;
  `,
  // The write-through update log: `documents.state` is the last snapshot, these rows came after it.
  `
  CREATE TABLE document_updates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    data BLOB NOT NULL
  ) STRICT;
  CREATE INDEX document_updates_by_name ON document_updates (name, id);
  `,
  // Versions submitted for review: frozen copies of a board's design document.
  `
  CREATE TABLE versions (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (board_id, id)
  ) STRICT;
  `,
  // Class sessions: one board per team; deleting a board takes it out of its session.
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    template TEXT
  ) STRICT;
  CREATE TABLE session_boards (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    board_id TEXT NOT NULL PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    team INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX session_boards_by_session ON session_boards (session_id, team);
  `,
]

export const SCHEMA_VERSION = MIGRATIONS.length

/** Brings the database to `SCHEMA_VERSION`; refuses a database written by a newer server. */
export function migrate(db: DatabaseSync): void {
  db.exec('CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT')
  const row = db.prepare("SELECT value FROM settings WHERE key = 'schema_version'").get()
  const current = row ? Number(row.value) : 0
  if (!Number.isInteger(current) || current < 0) {
    throw new Error(`the database has an unreadable schema_version: ${String(row?.value)}`)
  }
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `the database has schema version ${current}, newer than this server's ${SCHEMA_VERSION}; upgrade the server`,
    )
  }
  const setVersion = db.prepare(
    "INSERT INTO settings (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  )
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.exec('BEGIN IMMEDIATE')
    try {
      db.exec(MIGRATIONS[version] ?? '')
      setVersion.run(String(version + 1))
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
}
