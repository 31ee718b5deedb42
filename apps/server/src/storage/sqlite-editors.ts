import type { SqliteDatabase } from './sqlite-database.ts'

/** Who edited a board, in SQLite: one row per name, with the time of its first edit. */

export function addBoardEditor(db: SqliteDatabase, boardId: string, name: string, at: number): void {
  // A board deleted meanwhile has no row to refer to: nothing to note then.
  db.statement('INSERT INTO board_editors (board_id, name, first_edit_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM boards WHERE id = ?) ON CONFLICT DO NOTHING').run(
    boardId,
    name,
    at,
    boardId,
  )
}

export function listBoardEditors(db: SqliteDatabase, boardId: string, until = Number.MAX_SAFE_INTEGER): string[] {
  return db
    .statement('SELECT name FROM board_editors WHERE board_id = ? AND first_edit_at <= ? ORDER BY first_edit_at, name')
    .all(boardId, until)
    .map((row) => String(row.name))
}
