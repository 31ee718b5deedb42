import type { SqliteDatabase } from './sqlite-database.ts'
import type { StoredVersion, VersionInfo } from './types.ts'

/** Versions submitted for review, in SQLite: frozen copies of a board's design document. */

export function addVersion(db: SqliteDatabase, boardId: string, version: StoredVersion): void {
  db.statement('INSERT INTO versions (board_id, id, name, created_at, state, backup) VALUES (?, ?, ?, ?, ?, ?)').run(
    boardId,
    version.id,
    version.name,
    version.createdAt,
    version.state,
    version.backup ? 1 : 0,
  )
}

export function listVersions(db: SqliteDatabase, boardId: string): VersionInfo[] {
  return db
    .statement('SELECT id, name, created_at, backup FROM versions WHERE board_id = ? ORDER BY created_at, id')
    .all(boardId)
    .map((row) => ({ id: String(row.id), name: String(row.name), createdAt: Number(row.created_at), backup: Number(row.backup) === 1 }))
}

export function getVersion(db: SqliteDatabase, boardId: string, versionId: string): StoredVersion | null {
  const row = db.statement('SELECT name, created_at, state, backup FROM versions WHERE board_id = ? AND id = ?').get(boardId, versionId)
  if (!row) return null
  return { id: versionId, name: String(row.name), createdAt: Number(row.created_at), backup: Number(row.backup) === 1, state: row.state as Uint8Array }
}
