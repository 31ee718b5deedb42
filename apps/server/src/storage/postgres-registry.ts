import type { Pool } from 'pg'
import { ROLES, type Role } from '@concord/shared'
import { asBuffer, inTransaction } from './postgres-transaction.ts'
import type { BoardRecord, DocumentState, NewBoard } from './types.ts'

/** The board registry in PostgreSQL: boards and their link generations, shared by every node. */

export async function createBoard(pool: Pool, board: NewBoard, initialDocument: DocumentState): Promise<BoardRecord> {
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
    await client.query(
      'INSERT INTO documents (name, state, updated_at) VALUES ($1, $2, $3) ' +
        'ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      [initialDocument.name, asBuffer(initialDocument.state), Date.now()],
    )
  })
  return { ...board, linkGenerations: initialGenerations() }
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
  const linkGenerations = initialGenerations()
  for (const generation of generations.rows) linkGenerations[generation.role as Role] = Number(generation.generation)
  return { id: row.id, title: row.title, createdAt: Number(row.created_at), linkGenerations }
}

function initialGenerations(): Record<Role, number> {
  return Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>
}
