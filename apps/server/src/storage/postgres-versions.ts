import type { Pool } from 'pg'
import { asBuffer } from './postgres-transaction.ts'
import type { StoredVersion, VersionInfo } from './types.ts'

/** Versions submitted for review, in PostgreSQL (the same rows as SQLite's `versions`). */

export async function addVersion(pool: Pool, boardId: string, version: StoredVersion): Promise<void> {
  await pool.query('INSERT INTO versions (board_id, id, name, created_at, state, backup) VALUES ($1, $2, $3, $4, $5, $6)', [
    boardId,
    version.id,
    version.name,
    version.createdAt,
    asBuffer(version.state),
    version.backup ? 1 : 0,
  ])
}

export async function listVersions(pool: Pool, boardId: string): Promise<VersionInfo[]> {
  const { rows } = await pool.query<{ id: string; name: string; created_at: string; backup: number }>(
    'SELECT id, name, created_at, backup FROM versions WHERE board_id = $1 ORDER BY created_at, id',
    [boardId],
  )
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: Number(row.created_at), backup: row.backup === 1 }))
}

export async function getVersion(pool: Pool, boardId: string, versionId: string): Promise<StoredVersion | null> {
  const { rows } = await pool.query<{ name: string; created_at: string; state: Buffer; backup: number }>(
    'SELECT name, created_at, state, backup FROM versions WHERE board_id = $1 AND id = $2',
    [boardId, versionId],
  )
  const row = rows[0]
  return row ? { id: versionId, name: row.name, createdAt: Number(row.created_at), backup: row.backup === 1, state: new Uint8Array(row.state) } : null
}
