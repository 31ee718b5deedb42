import type { Pool } from 'pg'

/** Who edited a board, in PostgreSQL (the same rows as SQLite's `board_editors`). */

export async function addBoardEditor(pool: Pool, boardId: string, name: string, at: number): Promise<void> {
  // A board deleted meanwhile has no row to refer to: nothing to note then.
  await pool.query(
    'INSERT INTO board_editors (board_id, name, first_edit_at) SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM boards WHERE id = $1) ON CONFLICT DO NOTHING',
    [boardId, name, at],
  )
}

export async function listBoardEditors(pool: Pool, boardId: string, until = Number.MAX_SAFE_INTEGER): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    'SELECT name FROM board_editors WHERE board_id = $1 AND first_edit_at <= $2 ORDER BY first_edit_at, name',
    [boardId, until],
  )
  return rows.map((row) => row.name)
}
