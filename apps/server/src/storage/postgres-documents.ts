import type { Pool, PoolClient } from 'pg'
import * as Y from 'yjs'
import { asBuffer, inTransaction } from './postgres-transaction.ts'
import type { DocumentWrite, StoredDocument } from './types.ts'

/**
 * Documents in PostgreSQL: a snapshot per document plus the write-through update log. Several
 * nodes append to one document's log at once (each what its own copy of the document applied);
 * Yjs updates are idempotent, so duplicates across nodes cost space until the next compaction,
 * never correctness.
 */

/**
 * Snapshot and log read from one database snapshot: read apart, another node's compaction
 * could land in between and the log rows it merged would be missing from both.
 */
export async function loadDocument(pool: Pool, name: string): Promise<StoredDocument | null> {
  const [snapshot, log] = await inTransaction(
    pool,
    async (client) => [
      await client.query<{ state: Buffer }>('SELECT state FROM documents WHERE name = $1', [name]),
      await client.query<{ data: Buffer }>('SELECT data FROM document_updates WHERE name = $1 ORDER BY id', [name]),
    ],
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  )
  const row = snapshot.rows[0]
  if (!row && log.rows.length === 0) return null
  return { snapshot: row ? row.state : new Uint8Array([0, 0]), log: log.rows.map((update) => update.data) }
}

/** One group commit in one transaction; documents in name order, so two nodes' compactions never deadlock. */
export async function writeDocuments(pool: Pool, writes: DocumentWrite[]): Promise<void> {
  const ordered = [...writes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  await inTransaction(pool, async (client) => {
    for (const write of ordered) {
      if (write.snapshot) await compact(client, write.name, write.snapshot)
      else await append(client, write.name, write.updates)
    }
  })
}

async function append(client: PoolClient, name: string, updates: Uint8Array[]): Promise<void> {
  if (updates.length === 0) return
  await client.query(
    'INSERT INTO document_updates (name, data) ' +
      'SELECT $1, data FROM unnest($2::bytea[]) WITH ORDINALITY AS u(data, n) ORDER BY n',
    [name, updates.map(asBuffer)],
  )
}

/**
 * Replaces the log by a snapshot without losing what this node has not seen: another node may
 * have committed (and acknowledged) updates that have not reached this node's copy yet, and
 * may have compacted before. So, holding the document's advisory lock (one compaction at a
 * time across nodes), the new snapshot is the stored snapshot + the log rows read here + this
 * node's state, and only the rows read here are deleted; rows committed meanwhile stay.
 */
async function compact(client: PoolClient, name: string, state: Uint8Array): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name])
  const stored = await client.query<{ state: Buffer }>('SELECT state FROM documents WHERE name = $1', [name])
  const log = await client.query<{ id: string; data: Buffer }>(
    'SELECT id, data FROM document_updates WHERE name = $1 ORDER BY id',
    [name],
  )
  const doc = new Y.Doc()
  Y.transact(doc, () => {
    const previous = stored.rows[0]
    if (previous) Y.applyUpdate(doc, previous.state)
    for (const row of log.rows) Y.applyUpdate(doc, row.data)
    Y.applyUpdate(doc, state)
  })
  const merged = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  await client.query(
    'INSERT INTO documents (name, state, updated_at) VALUES ($1, $2, $3) ' +
      'ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
    [name, asBuffer(merged), Date.now()],
  )
  if (log.rows.length > 0) {
    await client.query('DELETE FROM document_updates WHERE id = ANY($1::bigint[])', [log.rows.map((row) => row.id)])
  }
}
