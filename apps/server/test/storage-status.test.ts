import { describe, expect, it, onTestFinished } from 'vitest'
import { boardDocumentName, parseStateless, statelessServerMessageSchema, type StorageStatusMessage } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { acknowledged, synced, type TestClient } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { testResources } from './helpers/resources.ts'
import { breakDocumentWrites } from './helpers/storage-fault.ts'
import { storedDocument } from './helpers/stored.ts'

const { start, open, dataDir } = testResources()
const commitTiming = { intervalMs: 5, firstRetryMs: 20, maxRetryMs: 200 }
/** A queue that one large edit fills. */
const QUEUE_BYTES = 16 * 1024

function storageMessages(client: TestClient): StorageStatusMessage[] {
  const seen: StorageStatusMessage[] = []
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = parseStateless(statelessServerMessageSchema, payload)
    if (message?.type === 'storage') seen.push(message)
  })
  return seen
}

describe('storage status', () => {
  it('tells every client when edits are not stored, refuses new edits once the queue is full, and stores them all after', async () => {
    const dir = dataDir()
    const server = await start({ dataDir: dir, storageQueueBytes: QUEUE_BYTES }, { commitTiming })
    const board = await createBoard(server.url)
    const writer = open(server.url, board.id, linkToken(board.links.editor))
    const reader = open(server.url, board.id, linkToken(board.links.viewer))
    const [writerSees, readerSees] = [storageMessages(writer), storageMessages(reader)]
    await Promise.all([synced(writer), synced(reader)])

    const fault = breakDocumentWrites(dir)
    onTestFinished(() => fault.repair())
    writer.doc.getMap('test').set('small', 1)
    await waitFor(() => readerSees.some((message) => !message.stored), { what: 'the reader to be told edits are not stored' })
    expect(writerSees.at(-1)).toMatchObject({ stored: false, reason: expect.stringContaining('cannot store edits') })
    // A client connecting meanwhile is told at once.
    const late = open(server.url, board.id, linkToken(board.links.viewer))
    const lateSees = storageMessages(late)
    await waitFor(() => lateSees.length > 0, { what: 'a new connection to be told' })

    // One large edit fills the queue; the next edit is refused, not kept in the server's memory.
    writer.doc.getMap('test').set('large', 'x'.repeat(QUEUE_BYTES))
    await waitFor(() => reader.doc.getMap('test').has('large'), { what: 'the large edit to be relayed' })
    writer.doc.getMap('test').set('refused', true)
    await server.waitForLog((record) => record.msg === 'edit refused: the storage queue is full', 'the refusal')
    await waitFor(() => writerSees.some((message) => /stopped accepting edits/.test(message.reason ?? '')), { what: 'the writer to be told why' })
    expect(reader.doc.getMap('test').has('refused')).toBe(false)

    // Storage works again: the queue drains, clients are told, and the refused edit, sent again, is stored too.
    fault.repair()
    await waitFor(() => readerSees.at(-1)?.stored === true, { what: 'the reader to be told edits are stored again' })
    await acknowledged(writer)
    const stored = await storedDocument(server.server.storage, boardDocumentName(board.id))
    expect(Object.keys(stored?.getMap('test').toJSON() ?? {}).sort()).toEqual(['large', 'refused', 'small'])
    late.destroy()
  })
})
