import type { SqliteDatabase } from './sqlite-database.ts'
import type { SessionRecord } from './types.ts'

/** Class sessions in SQLite: a session and its boards, one per team. */

export function createSession(db: SqliteDatabase, session: SessionRecord): void {
  db.transaction(() => {
    db.statement('INSERT INTO sessions (id, name, created_at, template) VALUES (?, ?, ?, ?)').run(
      session.id,
      session.name,
      session.createdAt,
      session.template,
    )
    const insertBoard = db.statement('INSERT INTO session_boards (session_id, board_id, team) VALUES (?, ?, ?)')
    for (const { team, boardId } of session.boards) insertBoard.run(session.id, boardId, team)
  })
}

export function getSession(db: SqliteDatabase, id: string): SessionRecord | null {
  const row = db.statement('SELECT name, created_at, template FROM sessions WHERE id = ?').get(id)
  if (!row) return null
  const boards = db
    .statement('SELECT board_id, team FROM session_boards WHERE session_id = ? ORDER BY team')
    .all(id)
    .map((board) => ({ team: Number(board.team), boardId: String(board.board_id) }))
  const template = row.template === null ? null : String(row.template)
  return { id, name: String(row.name), createdAt: Number(row.created_at), template, boards }
}

export function sessionOfBoard(db: SqliteDatabase, boardId: string): string | null {
  const row = db.statement('SELECT session_id FROM session_boards WHERE board_id = ?').get(boardId)
  return row ? String(row.session_id) : null
}
