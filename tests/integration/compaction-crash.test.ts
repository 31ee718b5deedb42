import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { boardDocumentName } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { ServerProcess } from '../support/server-process.ts'

const EDITS = 50

/** Rows in the update log of `name`, read straight from the database file. */
function logRows(dataDir: string, name: string): number {
  const db = new DatabaseSync(join(dataDir, 'concord.sqlite'))
  try {
    return Number(db.prepare('SELECT count(*) AS n FROM document_updates WHERE name = ?').get(name)?.n)
  } finally {
    db.close()
  }
}

describe('a crash in the middle of a compaction', () => {
  let server: ServerProcess | null = null
  afterEach(async () => {
    await server?.dispose()
    server = null
  })

  it('loses nothing: the snapshot and the log truncation commit together or not at all', async () => {
    const crashing = new ServerProcess()
    server = crashing
    await crashing.start('tests/support/compaction-crash-server.ts')
    const board = await createBoard(crashing.url, 'Crash while compacting')
    const name = boardDocumentName(board.id)
    const writer = await connectBoard(crashing.url, board.id, linkToken(board.links.editor))
    const edits = writer.document.getMap<number>('edits')
    for (let i = 0; i < EDITS; i++) edits.set(`e${i}`, i)
    await waitFor(() => writer.unsyncedChanges === 0, { timeoutMs: 10_000, what: 'every edit acknowledged' })
    expect(logRows(crashing.dataDir, name)).toBeGreaterThanOrEqual(EDITS)

    // The last client leaving compacts the document; the hook kills the server halfway.
    writer.destroy()
    expect(await crashing.exited()).toMatchObject({ signal: 'SIGKILL' })
    await crashing.waitForLog((record) => record.msg === 'killing the server between compaction steps')
    // The transaction never committed: the log is still there.
    expect(logRows(crashing.dataDir, name)).toBeGreaterThanOrEqual(EDITS)

    // The stock server starts on what the crash left.
    const since = crashing.mark()
    await crashing.start()
    const reader = await connectBoard(crashing.url, board.id, linkToken(board.links.editor))
    const seen = reader.document.getMap<number>('edits').toJSON()
    reader.destroy()
    expect(Object.keys(seen)).toHaveLength(EDITS)
    expect(Array.from({ length: EDITS }, (_, i) => seen[`e${i}`])).toEqual(Array.from({ length: EDITS }, (_, i) => i))
    // Loading found a log and compacted it for real this time.
    await crashing.waitForLog((record) => record.msg === 'document compacted' && record.reason === 'load', { since })
  })
})
