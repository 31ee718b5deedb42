import type { DatabaseSync } from 'node:sqlite'
import { migrations, settingsTable, SQLITE, storedSchemaVersion } from './schema.ts'

const MIGRATIONS = migrations(SQLITE)

/** Brings the database to the latest schema version; refuses a database written by a newer server. */
export function migrate(db: DatabaseSync): void {
  db.exec(settingsTable(SQLITE))
  const row = db.prepare("SELECT value FROM settings WHERE key = 'schema_version'").get()
  const current = storedSchemaVersion(row ? String(row.value) : undefined, MIGRATIONS.length)
  const setVersion = db.prepare(
    "INSERT INTO settings (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  )
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.exec('BEGIN IMMEDIATE')
    try {
      db.exec(MIGRATIONS[version] ?? '')
      setVersion.run(String(version + 1))
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
}
