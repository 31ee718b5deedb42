import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { DATABASE_FILE } from '../../src/storage/sqlite.ts'

export interface StorageFault {
  /** Lets writes through again; safe to call more than once. */
  repair(): void
}

/**
 * Makes the database in `dataDir` refuse every write of document data, as a full disk would:
 * triggers (part of the schema, so they bind the server's own connection too) abort the write
 * with an error. Works on a running server, in this process or another.
 */
export function breakDocumentWrites(dataDir: string): StorageFault {
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE))
  db.exec('PRAGMA busy_timeout = 5000')
  db.exec(`
    CREATE TRIGGER test_full_log BEFORE INSERT ON document_updates BEGIN SELECT RAISE(ABORT, 'database or disk is full (test)'); END;
    CREATE TRIGGER test_full_snapshot BEFORE UPDATE ON documents BEGIN SELECT RAISE(ABORT, 'database or disk is full (test)'); END;
  `)
  let broken = true
  return {
    repair() {
      if (!broken) return
      broken = false
      db.exec('DROP TRIGGER test_full_log; DROP TRIGGER test_full_snapshot;')
      db.close()
    },
  }
}
