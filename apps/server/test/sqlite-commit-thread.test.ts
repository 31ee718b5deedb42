import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { SqliteStorage } from '../src/storage/sqlite.ts'
import { removeDir, tempDir } from './helpers/server.ts'
import { SLOW_COMMIT_MS } from './helpers/slow-commit.ts'
import { storedDocument } from './helpers/stored.ts'

function edit(key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('test').set(key, 'value')
  return Y.encodeStateAsUpdate(doc)
}

describe('the SQLite group commit on its own thread', () => {
  let storage: SqliteStorage | null = null
  const dirs: string[] = []
  const dataDir = () => {
    dirs.push(tempDir())
    return dirs.at(-1)!
  }
  afterEach(async () => {
    await storage?.close()
    storage = null
    dirs.splice(0).forEach(removeDir)
  })

  it('keeps the event loop turning while a commit waits on the disk, and reads see the commit once it resolves', async () => {
    storage = new SqliteStorage(dataDir(), { betweenCompactionStepsModule: new URL('./helpers/slow-commit.ts', import.meta.url).href })
    await storage.writeDocuments([{ name: 'board:a', updates: [edit('logged')] }])

    // The hook blocks the commit thread inside the compaction, as a slow fsync would.
    let ticks = 0
    let longestGapMs = 0
    let last = performance.now()
    const ticker = setInterval(() => {
      const now = performance.now()
      longestGapMs = Math.max(longestGapMs, now - last)
      last = now
      ticks++
    }, 5)
    const started = performance.now()
    try {
      await storage.writeDocuments([{ name: 'board:a', updates: [], snapshot: edit('compacted') }])
    } finally {
      clearInterval(ticker)
    }
    expect(performance.now() - started).toBeGreaterThanOrEqual(SLOW_COMMIT_MS - 1)
    expect(ticks, 'timers ran during the commit').toBeGreaterThan(10)
    expect(longestGapMs).toBeLessThan(SLOW_COMMIT_MS / 2)

    const stored = await storage.loadDocument('board:a')
    expect(stored?.log).toEqual([])
    expect((await storedDocument(storage, 'board:a'))?.getMap('test').toJSON()).toEqual({ compacted: 'value' })
  })

  it('fails a commit the database refuses, and commits again after', async () => {
    storage = new SqliteStorage(dataDir())
    // Text in a BLOB column of a STRICT table: the insert fails inside the transaction, on the thread.
    await expect(storage.writeDocuments([{ name: 'board:b', updates: [], snapshot: 'not bytes' as unknown as Uint8Array }])).rejects.toThrow(/cannot store TEXT value in BLOB column/)
    await storage.writeDocuments([{ name: 'board:b', updates: [edit('after')] }])
    expect((await storedDocument(storage, 'board:b'))?.getMap('test').toJSON()).toEqual({ after: 'value' })
  })
})
