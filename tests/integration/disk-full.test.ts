import { mkdtempSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  CONTROLS_CHANNEL,
  parseStateless,
  statelessServerMessageSchema,
  type StorageStatusMessage,
} from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { ServerProcess } from '../support/server-process.ts'
import { fillDisk, mountSmallDisk, unmountSmallDisk } from '../support/small-disk.ts'

const diskDir = mkdtempSync(join(tmpdir(), 'concord-full-disk-'))
const disk = mountSmallDisk(diskDir) ? diskDir : null

describe.skipIf(disk === null)('a full disk', () => {
  const server = new ServerProcess({ env: { DATA_DIR: disk ?? '' } })
  afterAll(async () => {
    await server.dispose()
    if (disk) unmountSmallDisk(disk)
  })

  it('keeps the process alive through an owner command, tells clients edits are not stored, and stores them once space returns', { timeout: 60_000 }, async () => {
    await server.start()
    const board = await createBoard(server.url, 'Full disk')
    const owner = await connectBoard(server.url, board.id, linkToken(board.links.owner))
    const editor = await connectBoard(server.url, board.id, linkToken(board.links.editor))
    const storage: StorageStatusMessage[] = []
    const refusals: string[] = []
    editor.on('stateless', ({ payload }: { payload: string }) => {
      const message = parseStateless(statelessServerMessageSchema, payload)
      if (message?.type === 'storage') storage.push(message)
    })
    owner.on('stateless', ({ payload }: { payload: string }) => {
      const message = parseStateless(statelessServerMessageSchema, payload)
      if (message?.channel === CONTROLS_CHANNEL && message.type === 'refused') refusals.push(message.reason)
    })

    const filler = join(disk!, 'filler')
    fillDisk(filler)
    const edits = editor.document.getMap<number>('edits')
    for (let i = 0; i < 20; i++) edits.set(`e${i}`, i)
    await waitFor(() => storage.some((message) => !message.stored), { timeoutMs: 15_000, what: 'the editor to be told its edits are not stored' })
    expect((await fetch(new URL('/readyz', server.url))).status).toBe(503)
    expect(editor.unsyncedChanges).toBeGreaterThan(0)

    // The owner's board-control command needs a write too: it is refused, and the process lives on.
    owner.sendStateless(JSON.stringify({ channel: CONTROLS_CHANNEL, type: 'command', command: { op: 'lock' } }))
    await waitFor(() => refusals.length > 0 || server.pid === undefined, { timeoutMs: 10_000, what: 'the owner to be told the command was not stored' })
    expect(server.pid, 'the server process is alive').toBeDefined()
    expect((await fetch(new URL('/healthz', server.url))).status).toBe(200)
    expect(refusals[0]).toMatch(/cannot store/)

    unlinkSync(filler)
    await waitFor(() => editor.unsyncedChanges === 0, { timeoutMs: 20_000, what: 'the held edits to be stored and acknowledged' })
    await waitFor(() => storage.at(-1)?.stored === true, { timeoutMs: 10_000, what: 'the editor to be told edits are stored again' })
    expect((await fetch(new URL('/readyz', server.url))).status).toBe(200)
    owner.destroy()
    editor.destroy()

    // Stored, not only acknowledged: a kill -9 and a restart keep every edit.
    await server.stop('SIGKILL')
    await server.start()
    const reader = await connectBoard(server.url, board.id, linkToken(board.links.editor))
    expect(reader.document.getMap('edits').size).toBe(20)
    reader.destroy()
  })
})
