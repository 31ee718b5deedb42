import { boardDocumentName, reviewDocumentName, ROLES, type Role } from '@concord/shared'
import { boardSettingKeys } from './board-settings.ts'
import { initialLinkGenerations } from './link-generations.ts'
import type { SqliteDatabase } from './sqlite-database.ts'
import type { BoardRecord, DocumentState, NewBoard } from './types.ts'

/** The board registry in SQLite: boards and their link generations. */

export function createBoard(db: SqliteDatabase, board: NewBoard, initialDocuments: DocumentState[]): BoardRecord {
  db.transaction(() => {
    db.statement('INSERT INTO boards (id, title, created_at) VALUES (?, ?, ?)').run(board.id, board.title, board.createdAt)
    const insertGeneration = db.statement('INSERT INTO link_generations (board_id, role, generation) VALUES (?, ?, ?)')
    for (const role of ROLES) insertGeneration.run(board.id, role, 0)
    const upsertDocument = db.statement(
      'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
    )
    for (const document of initialDocuments) upsertDocument.run(document.name, document.state, Date.now())
  })
  return { ...board, linkGenerations: initialLinkGenerations() }
}

export function getBoard(db: SqliteDatabase, id: string): BoardRecord | null {
  const row = db.statement('SELECT id, title, created_at FROM boards WHERE id = ?').get(id)
  if (!row) return null
  const linkGenerations = initialLinkGenerations()
  for (const generation of db.statement('SELECT role, generation FROM link_generations WHERE board_id = ?').all(id)) {
    linkGenerations[generation.role as Role] = Number(generation.generation)
  }
  return { id: String(row.id), title: String(row.title), createdAt: Number(row.created_at), linkGenerations }
}

/** Bumps a role's link generation; the new one, or null for an unknown board. */
export function rotateLinkGeneration(db: SqliteDatabase, boardId: string, role: Role): number | null {
  const row = db
    .statement('UPDATE link_generations SET generation = generation + 1 WHERE board_id = ? AND role = ? RETURNING generation')
    .get(boardId, role)
  return row ? Number(row.generation) : null
}

export function renameBoard(db: SqliteDatabase, id: string, title: string): boolean {
  return Number(db.statement('UPDATE boards SET title = ? WHERE id = ?').run(title, id).changes) > 0
}

/** Removes a board and everything of it: registry rows, both documents with their logs, assets, versions, editors, settings. */
export function deleteBoard(db: SqliteDatabase, id: string): void {
  db.transaction(() => {
    for (const key of boardSettingKeys(id)) db.statement('DELETE FROM settings WHERE key = ?').run(key)
    db.statement('DELETE FROM session_boards WHERE board_id = ?').run(id)
    for (const name of [boardDocumentName(id), reviewDocumentName(id)]) {
      db.statement('DELETE FROM documents WHERE name = ?').run(name)
      db.statement('DELETE FROM document_updates WHERE name = ?').run(name)
    }
    db.statement('DELETE FROM assets WHERE board_id = ?').run(id)
    db.statement('DELETE FROM versions WHERE board_id = ?').run(id)
    db.statement('DELETE FROM board_editors WHERE board_id = ?').run(id)
    db.statement('DELETE FROM link_generations WHERE board_id = ?').run(id)
    db.statement('DELETE FROM boards WHERE id = ?').run(id)
  })
}

export function copyAssets(db: SqliteDatabase, fromBoardId: string, toBoardId: string): void {
  db.statement(
    'INSERT INTO assets (board_id, id, content_type, bytes, created_at) SELECT ?, id, content_type, bytes, ? FROM assets WHERE board_id = ?',
  ).run(toBoardId, Date.now(), fromBoardId)
}
