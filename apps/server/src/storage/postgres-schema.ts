import type { Pool } from 'pg'
import { migrations, POSTGRES, settingsTable, storedSchemaVersion } from './schema.ts'

const MIGRATIONS = migrations(POSTGRES)

/** Key of the session-level advisory lock that lets one node at a time migrate. */
const MIGRATION_LOCK = 0x636f6e63 // "conc"

/**
 * Brings the database to the latest schema version; refuses a database written by a newer
 * server. Nodes starting together take turns through an advisory lock.
 */
export async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query(settingsTable(POSTGRES))
    const row = (await client.query<{ value: string }>("SELECT value FROM settings WHERE key = 'schema_version'")).rows[0]
    const current = storedSchemaVersion(row?.value, MIGRATIONS.length)
    for (let version = current; version < MIGRATIONS.length; version++) {
      await client.query('BEGIN')
      try {
        await client.query(MIGRATIONS[version] ?? '')
        await client.query(
          "INSERT INTO settings (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          [String(version + 1)],
        )
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    client.release()
  }
}
