import type { Pool } from 'pg'
import { inTransaction } from './postgres-transaction.ts'
import type { SessionRecord } from './types.ts'

/** Class sessions in PostgreSQL (the same rows as SQLite's `sessions` and `session_boards`). */

export async function createSession(pool: Pool, session: SessionRecord): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('INSERT INTO sessions (id, name, created_at, template) VALUES ($1, $2, $3, $4)', [
      session.id,
      session.name,
      session.createdAt,
      session.template,
    ])
    for (const { team, boardId } of session.boards) {
      await client.query('INSERT INTO session_boards (session_id, board_id, team) VALUES ($1, $2, $3)', [session.id, boardId, team])
    }
  })
}

export async function getSession(pool: Pool, id: string): Promise<SessionRecord | null> {
  const session = await pool.query<{ name: string; created_at: string; template: string | null }>(
    'SELECT name, created_at, template FROM sessions WHERE id = $1',
    [id],
  )
  const row = session.rows[0]
  if (!row) return null
  const boards = await pool.query<{ board_id: string; team: number }>(
    'SELECT board_id, team FROM session_boards WHERE session_id = $1 ORDER BY team',
    [id],
  )
  return {
    id,
    name: row.name,
    createdAt: Number(row.created_at),
    template: row.template,
    boards: boards.rows.map((board) => ({ team: Number(board.team), boardId: board.board_id })),
  }
}

export async function sessionOfBoard(pool: Pool, boardId: string): Promise<string | null> {
  const { rows } = await pool.query<{ session_id: string }>('SELECT session_id FROM session_boards WHERE board_id = $1', [boardId])
  return rows[0]?.session_id ?? null
}
