import type { Pool } from 'pg'
import { boardDocumentName, reviewDocumentName, ROLES, type Role } from '@concord/shared'
import { boardSettingKeys } from './board-settings.ts'
import { initialLinkGenerations } from './link-generations.ts'
import { asBuffer, inTransaction } from './postgres-transaction.ts'
import type { BoardRecord, DocumentState, NewBoard } from './types.ts'

/** The board registry in PostgreSQL: boards and their link generations, shared by every node. */

export async function createBoard(pool: Pool, board: NewBoard, initialDocuments: DocumentState[]): Promise<BoardRecord> {
  await inTransaction(pool, async (client) => {
    await client.query('INSERT INTO boards (id, title, created_at) VALUES ($1, $2, $3)', [
      board.id,
      board.title,
      board.createdAt,
    ])
    await client.query(
      'INSERT INTO link_generations (board_id, role, generation) SELECT $1, role, 0 FROM unnest($2::text[]) AS role',
      [board.id, [...ROLES]],
    )
    for (const document of initialDocuments) {
      await client.query(
        'INSERT INTO documents (name, state, updated_at) VALUES ($1, $2, $3) ' +
          'ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
        [document.name, asBuffer(document.state), Date.now()],
      )
    }
  })
  return { ...board, linkGenerations: initialLinkGenerations() }
}

export async function getBoard(pool: Pool, id: string): Promise<BoardRecord | null> {
  const board = await pool.query<{ id: string; title: string; created_at: string }>(
    'SELECT id, title, created_at FROM boards WHERE id = $1',
    [id],
  )
  const row = board.rows[0]
  if (!row) return null
  const generations = await pool.query<{ role: string; generation: number }>(
    'SELECT role, generation FROM link_generations WHERE board_id = $1',
    [id],
  )
  const linkGenerations = initialLinkGenerations()
  for (const generation of generations.rows) linkGenerations[generation.role as Role] = Number(generation.generation)
  return { id: row.id, title: row.title, createdAt: Number(row.created_at), linkGenerations }
}

/** Bumps a role's link generation; the new one, or null for an unknown board. */
export async function rotateLinkGeneration(pool: Pool, boardId: string, role: Role): Promise<number | null> {
  const { rows } = await pool.query<{ generation: number }>(
    'UPDATE link_generations SET generation = generation + 1 WHERE board_id = $1 AND role = $2 RETURNING generation',
    [boardId, role],
  )
  return rows[0] ? Number(rows[0].generation) : null
}

export async function renameBoard(pool: Pool, id: string, title: string): Promise<boolean> {
  const { rowCount } = await pool.query('UPDATE boards SET title = $1 WHERE id = $2', [title, id])
  return (rowCount ?? 0) > 0
}

/** Removes a board and everything of it: registry rows, both documents with their logs, assets, versions, editors, settings. */
export async function deleteBoard(pool: Pool, id: string): Promise<void> {
  const names = [boardDocumentName(id), reviewDocumentName(id)]
  await inTransaction(pool, async (client) => {
    await client.query('DELETE FROM documents WHERE name = ANY($1::text[])', [names])
    await client.query('DELETE FROM document_updates WHERE name = ANY($1::text[])', [names])
    await client.query('DELETE FROM settings WHERE key = ANY($1::text[])', [boardSettingKeys(id)])
    // Assets, versions, editors and link generations go with the board (ON DELETE CASCADE).
    await client.query('DELETE FROM boards WHERE id = $1', [id])
  })
}

export async function copyAssets(pool: Pool, fromBoardId: string, toBoardId: string): Promise<void> {
  await pool.query(
    'INSERT INTO assets (board_id, id, content_type, bytes, created_at) SELECT $1, id, content_type, bytes, $2 FROM assets WHERE board_id = $3',
    [toBoardId, Date.now(), fromBoardId],
  )
}
