/** What the two databases spell differently in the schema. */
export interface SqlDialect {
  /** Milliseconds since the epoch. */
  time: string
  blob: string
  /** An increasing row id, the primary key. */
  rowId: string
  /** Written after each table's definition. */
  tableOptions: string
}

export const SQLITE: SqlDialect = { time: 'INTEGER', blob: 'BLOB', rowId: 'INTEGER PRIMARY KEY', tableOptions: ' STRICT' }
export const POSTGRES: SqlDialect = { time: 'BIGINT', blob: 'BYTEA', rowId: 'BIGSERIAL PRIMARY KEY', tableOptions: '' }

/** The settings table, created before any migration: it holds the schema version. */
export function settingsTable({ tableOptions }: SqlDialect): string {
  return `CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)${tableOptions}`
}

/**
 * Schema migrations, the same tables in both databases, applied in order on open: entry `i`
 * moves the schema from version `i` to `i + 1`. Append new entries; never edit a released one.
 */
export function migrations({ time, blob, rowId, tableOptions }: SqlDialect): readonly string[] {
  return [
    `
    CREATE TABLE boards (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      created_at ${time} NOT NULL
    )${tableOptions};
    CREATE TABLE link_generations (
      board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
      role TEXT NOT NULL,
      generation INTEGER NOT NULL,
      PRIMARY KEY (board_id, role)
    )${tableOptions};
    CREATE TABLE documents (
      name TEXT PRIMARY KEY,
      state ${blob} NOT NULL,
      updated_at ${time} NOT NULL
    )${tableOptions};
    CREATE TABLE assets (
      board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      content_type TEXT NOT NULL,
      bytes ${blob} NOT NULL,
      created_at ${time} NOT NULL,
      PRIMARY KEY (board_id, id)
    )${tableOptions};
    `,
    // The write-through update log: `documents.state` is the last snapshot, these rows came after it.
    `
    CREATE TABLE document_updates (
      id ${rowId},
      name TEXT NOT NULL,
      data ${blob} NOT NULL
    )${tableOptions};
    CREATE INDEX document_updates_by_name ON document_updates (name, id);
    `,
    // Versions submitted for review: frozen copies of a board's design document.
    `
    CREATE TABLE versions (
      board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      created_at ${time} NOT NULL,
      state ${blob} NOT NULL,
      PRIMARY KEY (board_id, id)
    )${tableOptions};
    `,
    // Class sessions: one board per team; deleting a board takes it out of its session.
    `
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_at ${time} NOT NULL,
      template TEXT
    )${tableOptions};
    CREATE TABLE session_boards (
      session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      board_id TEXT NOT NULL PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
      team INTEGER NOT NULL
    )${tableOptions};
    CREATE INDEX session_boards_by_session ON session_boards (session_id, team);
    `,
    // Peer review: a session's roster, its review rounds, who reviews what, and the reviews.
    `
    CREATE TABLE students (
      key TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      student_id TEXT NOT NULL,
      name TEXT NOT NULL,
      team INTEGER NOT NULL,
      generation INTEGER NOT NULL,
      position INTEGER NOT NULL,
      UNIQUE (session_id, student_id)
    )${tableOptions};
    CREATE TABLE review_rounds (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      created_at ${time} NOT NULL,
      data TEXT NOT NULL
    )${tableOptions};
    CREATE INDEX review_rounds_by_session ON review_rounds (session_id, created_at);
    CREATE TABLE review_assignments (
      id TEXT PRIMARY KEY,
      round_id TEXT NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,
      student_key TEXT NOT NULL REFERENCES students(key) ON DELETE CASCADE,
      team INTEGER NOT NULL,
      reviewer_pseudonym TEXT NOT NULL,
      position INTEGER NOT NULL,
      UNIQUE (round_id, student_key, team)
    )${tableOptions};
    CREATE INDEX review_assignments_by_student ON review_assignments (student_key, round_id);
    CREATE TABLE round_reviews (
      assignment_id TEXT PRIMARY KEY REFERENCES review_assignments(id) ON DELETE CASCADE,
      content TEXT NOT NULL,
      status TEXT NOT NULL,
      updated_at ${time} NOT NULL,
      submitted_at ${time},
      late INTEGER NOT NULL
    )${tableOptions};
    `,
    // The design report's team: the names the board's editors showed when they edited it. And the
    // versions a restore makes to keep the live design, which the team never submitted (before
    // this column, only their name told them apart).
    `
    CREATE TABLE board_editors (
      board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      first_edit_at ${time} NOT NULL,
      PRIMARY KEY (board_id, name)
    )${tableOptions};
    ALTER TABLE versions ADD COLUMN backup INTEGER NOT NULL DEFAULT 0;
    UPDATE versions SET backup = 1 WHERE name LIKE 'Before restoring %';
    `,
    // Peer review part 2: the reviewed team's ratings and flags of the reviews it received, the
    // reviews the instructor hid, and each student's scores of the round's calibration example.
    `
    CREATE TABLE review_ratings (
      assignment_id TEXT NOT NULL REFERENCES review_assignments(id) ON DELETE CASCADE,
      student_key TEXT NOT NULL REFERENCES students(key) ON DELETE CASCADE,
      helpfulness INTEGER NOT NULL,
      comment TEXT NOT NULL,
      updated_at ${time} NOT NULL,
      PRIMARY KEY (assignment_id, student_key)
    )${tableOptions};
    CREATE TABLE review_flags (
      assignment_id TEXT NOT NULL REFERENCES review_assignments(id) ON DELETE CASCADE,
      student_key TEXT NOT NULL REFERENCES students(key) ON DELETE CASCADE,
      reason TEXT NOT NULL,
      created_at ${time} NOT NULL,
      PRIMARY KEY (assignment_id, student_key)
    )${tableOptions};
    CREATE TABLE hidden_reviews (
      assignment_id TEXT PRIMARY KEY REFERENCES review_assignments(id) ON DELETE CASCADE,
      hidden_at ${time} NOT NULL
    )${tableOptions};
    CREATE TABLE calibrations (
      round_id TEXT NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,
      student_key TEXT NOT NULL REFERENCES students(key) ON DELETE CASCADE,
      scores TEXT NOT NULL,
      submitted_at ${time} NOT NULL,
      PRIMARY KEY (round_id, student_key)
    )${tableOptions};
    `,
  ]
}

/** The schema version a database holds (`stored`: its settings value, if any); refuses an unreadable or newer one. */
export function storedSchemaVersion(stored: string | undefined, latest: number): number {
  const current = stored === undefined ? 0 : Number(stored)
  if (!Number.isInteger(current) || current < 0) {
    throw new Error(`the database has an unreadable schema_version: ${String(stored)}`)
  }
  if (current > latest) {
    throw new Error(`the database has schema version ${current}, newer than this server's ${latest}; upgrade the server`)
  }
  return current
}
