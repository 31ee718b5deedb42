import { execFile } from 'node:child_process'
import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { ServerProcess } from '../support/server-process.ts'

const ROOT = new URL('../..', import.meta.url).pathname

describe('backup and restore of the data directory', () => {
  const servers: ServerProcess[] = []
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.dispose()
  })

  it('`pnpm backup` copies a running server consistently; a server started on the copy has every edit acknowledged before it', async () => {
    const live = new ServerProcess()
    servers.push(live)
    await live.start()
    const board = await createBoard(live.url, 'Backed up')
    const writer = await connectBoard(live.url, board.id, linkToken(board.links.editor))
    const edits = writer.document.getMap<number>('edits')
    for (let i = 0; i < 100; i++) edits.set(`before-${i}`, i)
    await waitFor(() => writer.unsyncedChanges === 0, { timeoutMs: 10_000, what: 'edits acknowledged' })

    // The writer keeps editing while the backup runs.
    let during = 0
    const writing = setInterval(() => edits.set(`during-${during++}`, during), 2)
    const backup = join(live.dataDir, 'backup.sqlite')
    try {
      await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', backup], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: live.dataDir },
      })
    } finally {
      clearInterval(writing)
      writer.destroy()
    }
    expect(during).toBeGreaterThan(0)
    await live.stop('SIGKILL')

    // Restore: the backup becomes the database of a fresh data directory.
    const restored = new ServerProcess()
    servers.push(restored)
    copyFileSync(backup, join(restored.dataDir, 'concord.sqlite'))
    rmSync(backup)
    await restored.start()
    // The old links still work: the link secret is in the database.
    const reader = await connectBoard(restored.url, board.id, linkToken(board.links.editor))
    const seen = reader.document.getMap<number>('edits')
    const missing = Array.from({ length: 100 }, (_, i) => `before-${i}`).filter((key) => !seen.has(key))
    reader.destroy()
    expect(missing).toEqual([])
  })
})
