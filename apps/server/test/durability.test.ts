import { describe, expect, it, onTestFinished } from 'vitest'
import * as Y from 'yjs'
import { boardDocumentName } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { acknowledged, synced } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { DEFAULT_COMPACTION, type CompactionPolicy } from '../src/collab/storage.ts'
import { testResources } from './helpers/resources.ts'
import { breakDocumentWrites, type StorageFault } from './helpers/storage-fault.ts'
import { storedDocument } from './helpers/stored.ts'

const resources = testResources()
const { open, dataDir, editorOnNewBoard } = resources
// Short retries so a test sees several failed commits and the recovery quickly.
const commitTiming = { intervalMs: 5, firstRetryMs: 20, maxRetryMs: 200 }
const start = (dir?: string, compaction?: Partial<CompactionPolicy>) =>
  resources.start(dir ? { dataDir: dir } : {}, { commitTiming, compaction: { ...DEFAULT_COMPACTION, ...compaction } })

/** Breaks document writes for the rest of the test (repaired when it ends, pass or fail). */
function breakStorage(dir: string): StorageFault {
  const fault = breakDocumentWrites(dir)
  onTestFinished(() => fault.repair())
  return fault
}

describe('durability', () => {
  it('a storage failure acknowledges nothing, keeps relaying, and the edits are stored once it works again', async () => {
    const dir = dataDir()
    const server = await start(dir)
    const board = await createBoard(server.url)
    const writer = open(server.url, board.id, linkToken(board.links.editor))
    const peer = open(server.url, board.id, linkToken(board.links.editor))
    await Promise.all([synced(writer), synced(peer)])

    const storage = breakStorage(dir)
    const failedCommits = () => server.logs.filter((record) => record.msg === 'commit failed: updates kept and not acknowledged; retrying')
    for (let i = 0; i < 5; i++) writer.doc.getMap('test').set(`edit-${i}`, i)
    // The peer gets the edits at once: relaying does not wait for storage.
    await waitFor(() => peer.doc.getMap('test').get('edit-4') === 4, { what: 'the relay to the peer' })
    await waitFor(() => failedCommits().length >= 3, { what: 'three failed commits' })
    expect(failedCommits()[0]).toMatchObject({ level: 50, err: { message: expect.stringContaining('disk is full') } })
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0)
    const notReady = await fetch(`${server.url}/readyz`)
    expect(notReady.status).toBe(503)
    expect(await notReady.json()).toMatchObject({ status: 'not ready', reasons: [expect.stringContaining('refuses writes')] })
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'ok' })
    expect((await storedDocument(server.server.storage, boardDocumentName(board.id)))?.getMap('test').get('edit-0')).toBeUndefined()

    storage.repair()
    await acknowledged(writer)
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
    const stored = await storedDocument(server.server.storage, boardDocumentName(board.id))
    expect(stored?.getMap('test').toJSON()).toEqual({ 'edit-0': 0, 'edit-1': 1, 'edit-2': 2, 'edit-3': 3, 'edit-4': 4 })
  })

  it('keeps a board whose author left during a storage failure in memory until its edits are stored', async () => {
    const dir = dataDir()
    const server = await start(dir)
    const { name, writer } = await editorOnNewBoard(server)

    const storage = breakStorage(dir)
    writer.doc.getMap('test').set('orphan', 'edit')
    await server.waitForLog((record) => String(record.msg).startsWith('commit failed'), 'a failed commit')
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0)
    writer.destroy()
    await waitFor(() => server.server.hocuspocus.getConnectionsCount() === 0, { what: 'the author to leave' })
    // Unloading now would drop the only copy the server has; the unload waits for the commit.
    const failures = () => server.logs.filter((record) => String(record.msg).startsWith('commit failed')).length
    const afterLeaving = failures()
    await waitFor(() => failures() >= afterLeaving + 2, { what: 'more failed commits' })
    expect(server.server.hocuspocus.getDocumentsCount()).toBe(1)

    storage.repair()
    await waitFor(() => server.server.hocuspocus.getDocumentsCount() === 0, { what: 'the board to unload' })
    expect((await storedDocument(server.server.storage, name))?.getMap('test').get('orphan')).toBe('edit')
  })

  it('compacts a long log into a snapshot, keeping every update, and stores about the garbage-collected size', async () => {
    const dir = dataDir()
    const server = await start(dir, { afterUpdates: 50 })
    const { name, writer } = await editorOnNewBoard(server)
    // 400 overwrites of one value: the history is long, the garbage-collected state is small.
    let historyBytes = 0
    writer.doc.on('update', (update: Uint8Array) => {
      historyBytes += update.byteLength
    })
    const text = writer.doc.getMap('test')
    for (let i = 0; i < 400; i++) {
      text.set('position', { x: i, y: i * 2 })
      if (i % 40 === 0) await acknowledged(writer)
    }
    text.set('last', 'edit')
    await acknowledged(writer)
    const compactions = () => server.logs.filter((record) => record.msg === 'document compacted')
    expect(compactions().filter((record) => record.reason === 'updates').length).toBeGreaterThanOrEqual(4)
    const whileOpen = await server.server.storage.loadDocument(name)
    expect(whileOpen?.log.length).toBeLessThan(50)
    expect((await storedDocument(server.server.storage, name))?.getMap('test').toJSON()).toEqual({
      position: { x: 399, y: 798 },
      last: 'edit',
    })

    const gcStateBytes = Y.encodeStateAsUpdate(writer.doc).byteLength
    writer.destroy()
    // Unloading compacts whatever the log still holds.
    await waitFor(() => server.server.hocuspocus.getDocumentsCount() === 0, { what: 'the document to unload' })
    const stored = await server.server.storage.loadDocument(name)
    expect(stored?.log).toEqual([])
    // The premise: the raw history is many times the state.
    expect(historyBytes).toBeGreaterThan(5 * gcStateBytes)
    expect(stored!.snapshot.byteLength).toBeLessThanOrEqual(gcStateBytes * 1.1)
  })

  it('compacts a board that has idled, while its clients stay connected', async () => {
    const server = await start(undefined, { idleMs: 200 })
    const { name, writer } = await editorOnNewBoard(server)
    writer.doc.getMap('test').set('idle', 'soon')
    await acknowledged(writer)
    expect((await server.server.storage.loadDocument(name))?.log.length).toBeGreaterThan(0)
    const compacted = await server.waitForLog((record) => record.msg === 'document compacted', "'document compacted'")
    expect(compacted).toMatchObject({ documentName: name, reason: 'idle' })
    expect((await server.server.storage.loadDocument(name))?.log).toEqual([])
    expect((await storedDocument(server.server.storage, name))?.getMap('test').get('idle')).toBe('soon')
  })

  it('serves Prometheus metrics and a readiness check distinct from liveness', async () => {
    const server = await start()
    const { writer } = await editorOnNewBoard(server)
    writer.doc.getMap('test').set('measured', true)
    await acknowledged(writer)

    const response = await fetch(`${server.url}/metrics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    const text = await response.text()
    const value = (metric: string) => Number(text.match(new RegExp(`^${metric} (\\S+)$`, 'm'))?.[1])
    expect(value('concord_connections')).toBe(1)
    expect(value('concord_documents')).toBe(1)
    expect(value('concord_updates_total')).toBeGreaterThanOrEqual(1)
    expect(value('concord_commit_duration_seconds_count')).toBeGreaterThanOrEqual(1)
    expect(value('concord_ack_delay_seconds_count')).toBeGreaterThanOrEqual(1)
    expect(value('concord_update_log_length')).toBeGreaterThanOrEqual(1)
    expect(value('concord_pending_updates')).toBe(0)
    expect(value('process_resident_memory_bytes')).toBeGreaterThan(0)
    expect(value('nodejs_heap_size_used_bytes')).toBeGreaterThan(0)
    // Event-loop delay percentiles exist from the start (zero until the first sample).
    expect(value('nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0)

    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })
  })
})
