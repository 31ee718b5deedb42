// `pnpm backup <file>`: a consistent copy of the database, taken while the server keeps running.
// VACUUM INTO reads one snapshot of the database (WAL lets the server keep committing meanwhile)
// and writes it, compacted, to a new file. DATA_DIR is the server's data directory (./data).
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DatabaseSync } from 'node:sqlite'

const target = process.argv[2]
if (!target) {
  console.error('usage: pnpm backup <file>   (DATA_DIR selects the data directory, default ./data)')
  process.exit(2)
}
const database = join(resolve(process.env.DATA_DIR || './data'), 'concord.sqlite')
const output = resolve(target)
if (!existsSync(database)) {
  console.error(`backup: no database at ${database}`)
  process.exit(1)
}
if (existsSync(output)) {
  console.error(`backup: ${output} already exists; choose a new file`)
  process.exit(1)
}
const db = new DatabaseSync(database, { readOnly: true })
try {
  db.exec('PRAGMA busy_timeout = 5000')
  db.prepare('VACUUM INTO ?').run(output)
} finally {
  db.close()
}
console.info(`backup: ${database} -> ${output}`)
