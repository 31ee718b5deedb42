import type { SqliteDatabase } from './sqlite-database.ts'
import type { DocumentWrite, StoredDocument } from './types.ts'

/** Documents in SQLite: a snapshot per document plus the write-through update log. */

export function loadDocument(db: SqliteDatabase, name: string): StoredDocument | null {
  const row = db.statement('SELECT state FROM documents WHERE name = ?').get(name)
  const log = db
    .statement('SELECT data FROM document_updates WHERE name = ? ORDER BY id')
    .all(name)
    .map((update) => update.data as Uint8Array)
  if (!row && log.length === 0) return null
  return { snapshot: row ? (row.state as Uint8Array) : new Uint8Array([0, 0]), log }
}

/**
 * One group commit in one transaction. `betweenCompactionSteps` is a test hook: it runs after a
 * compaction's snapshot is written and before its log is emptied.
 */
export function writeDocuments(
  db: SqliteDatabase,
  writes: DocumentWrite[],
  betweenCompactionSteps?: (documentName: string) => void,
): void {
  const now = Date.now()
  db.transaction(() => {
    for (const { name, updates, snapshot } of writes) {
      if (snapshot) {
        db.statement(
          'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ' +
            'ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
        ).run(name, snapshot, now)
        betweenCompactionSteps?.(name)
        db.statement('DELETE FROM document_updates WHERE name = ?').run(name)
      } else {
        const insertUpdate = db.statement('INSERT INTO document_updates (name, data) VALUES (?, ?)')
        for (const update of updates) insertUpdate.run(name, update)
      }
    }
  })
}
