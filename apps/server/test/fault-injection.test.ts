import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardDigest, boardDocumentName } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { synced, type TestClient } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { labInbox, sendFault } from './helpers/lab.ts'
import { testResources } from './helpers/resources.ts'
import { type TestServer } from './helpers/server.ts'
import { openYws, ywsSynced, type YwsClient } from './helpers/y-websocket.ts'

const { start, open, track } = testResources()

/**
 * Publishes the replica's user in its awareness, as a tab does, and waits until the server knows
 * its Yjs client id from it, so faults can target it.
 */
async function known(server: TestServer, boardId: string, client: TestClient | YwsClient): Promise<void> {
  const { doc } = client
  if ('refusal' in client) client.provider.setAwarenessField('user', { name: 'Tab', color: '#000' })
  else client.provider.awareness.setLocalStateField('user', { name: 'Replica', color: '#000' })
  await waitFor(() => server.server.hocuspocus.documents.get(boardDocumentName(boardId))?.awareness.getStates().has(doc.clientID), {
    what: 'the server to know the replica',
  })
}

function set(doc: Y.Doc, key: string, value: unknown): void {
  doc.getMap('test').set(key, value)
}

function get(doc: Y.Doc, key: string): unknown {
  return doc.getMap('test').get(key)
}

async function board(server: TestServer) {
  const created = await createBoard(server.url)
  return { id: created.id, owner: linkToken(created.links.owner), editor: linkToken(created.links.editor) }
}

describe('lab fault injection', () => {
  it("a partitioned replica's edits reach nobody until healed, then every replica converges", async () => {
    const server = await start()
    const b = await board(server)
    const owner = open(server.url, b.id, b.owner)
    const victim = open(server.url, b.id, b.editor)
    const yws = track(openYws(server.url, b.id, b.editor))
    const victimInbox = labInbox(victim)
    await Promise.all([synced(owner), synced(victim), ywsSynced(yws)])
    await known(server, b.id, victim)

    sendFault(owner, { op: 'partition', clientId: victim.doc.clientID })
    await waitFor(() => victimInbox.some((m) => m.type === 'your-fault' && m.fault?.partitioned), { what: 'the victim to learn it is partitioned' })

    set(victim.doc, 'from-victim', 1)
    set(owner.doc, 'from-owner', 1)
    set(yws.doc, 'from-yws', 1)
    // The healthy replicas hear each other, so the victim's edit had every chance to arrive.
    await waitFor(() => get(yws.doc, 'from-owner') === 1 && get(owner.doc, 'from-yws') === 1, { what: 'the healthy replicas to exchange edits' })
    set(owner.doc, 'later', 1)
    await waitFor(() => get(yws.doc, 'later') === 1, { what: "the owner's later edit at the y-websocket replica" })
    expect(get(owner.doc, 'from-victim')).toBeUndefined()
    expect(get(yws.doc, 'from-victim')).toBeUndefined()
    expect(get(victim.doc, 'from-owner')).toBeUndefined()
    expect(get(victim.doc, 'from-yws')).toBeUndefined()

    sendFault(owner, { op: 'heal', clientId: victim.doc.clientID })
    const docs = [owner.doc, victim.doc, yws.doc]
    await waitFor(() => docs.every((doc) => get(doc, 'from-victim') === 1 && get(doc, 'from-owner') === 1 && get(doc, 'from-yws') === 1 && get(doc, 'later') === 1), {
      what: 'every replica to converge after the heal',
      timeoutMs: 10_000,
    })
    expect(new Set(docs.map((doc) => boardDigest(doc))).size).toBe(1)
    expect(victimInbox.some((m) => m.type === 'your-fault' && m.fault === null)).toBe(true)
  })

  it('a partitioned y-websocket replica is cut off both ways too, and converges after heal-all', async () => {
    const server = await start()
    const b = await board(server)
    const owner = open(server.url, b.id, b.owner)
    const victim = track(openYws(server.url, b.id, b.editor))
    await Promise.all([synced(owner), ywsSynced(victim)])
    await known(server, b.id, victim)

    sendFault(owner, { op: 'partition', clientId: victim.doc.clientID })
    await waitFor(() => faultsOn(server, b.id) > 0, { what: 'the partition to be in place' })
    const peer = open(server.url, b.id, b.editor)
    await synced(peer)
    set(owner.doc, 'from-owner', 1)
    set(victim.doc, 'from-victim', 1)
    await waitFor(() => get(peer.doc, 'from-owner') === 1, { what: "the owner's edit at a healthy peer" })
    set(owner.doc, 'later', 1)
    await waitFor(() => get(peer.doc, 'later') === 1, { what: 'a later edit at the healthy peer' })
    expect(get(peer.doc, 'from-victim')).toBeUndefined()
    expect(get(victim.doc, 'later')).toBeUndefined()

    sendFault(owner, { op: 'heal-all' })
    await waitFor(() => [owner.doc, peer.doc, victim.doc].every((doc) => get(doc, 'from-victim') === 1 && get(doc, 'later') === 1), {
      what: 'convergence after heal-all',
      timeoutMs: 10_000,
    })
    expect(boardDigest(victim.doc)).toBe(boardDigest(owner.doc))
  })

  it('keeps a partitioned replica listening (empty keepalives), so its provider does not reconnect around the partition', async () => {
    const server = await start({}, { labKeepaliveMs: 50 })
    const b = await board(server)
    const owner = open(server.url, b.id, b.owner)
    const victim = track(openYws(server.url, b.id, b.editor))
    await Promise.all([synced(owner), ywsSynced(victim)])
    await known(server, b.id, victim)
    let disconnects = 0
    victim.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') disconnects++
    })
    sendFault(owner, { op: 'partition', clientId: victim.doc.clientID })
    await waitFor(() => faultsOn(server, b.id) > 0, { what: 'the partition to be in place' })
    set(owner.doc, 'while-partitioned', 1)
    // Nothing else reaches a partitioned y-websocket replica (no stateless frames either).
    const heardAt = victim.provider.wsLastMessageReceived
    await waitFor(() => victim.provider.wsLastMessageReceived > heardAt + 200, { what: 'keepalives to reach the victim' })
    expect(get(victim.doc, 'while-partitioned')).toBeUndefined()
    expect(disconnects).toBe(0)
  })

  it('with latency L on a replica, no frame reaches it or leaves it sooner than L after it was sent', async () => {
    const L = 400
    const server = await start()
    const b = await board(server)
    const owner = open(server.url, b.id, b.owner)
    const slow = open(server.url, b.id, b.editor)
    await Promise.all([synced(owner), synced(slow)])
    await known(server, b.id, slow)
    sendFault(owner, { op: 'latency', clientId: slow.doc.clientID, ms: L })
    await waitFor(() => faultsOn(server, b.id) > 0, { what: 'the latency to be in place' })

    for (let round = 0; round < 3; round++) {
      const toSlow = await arrivalDelay(owner.doc, slow.doc, `to-slow-${round}`)
      const fromSlow = await arrivalDelay(slow.doc, owner.doc, `from-slow-${round}`)
      expect(toSlow).toBeGreaterThanOrEqual(L)
      expect(fromSlow).toBeGreaterThanOrEqual(L)
    }
    // A replica without a fault is not slowed: the measurement can tell the difference.
    const fast = open(server.url, b.id, b.editor)
    await synced(fast)
    expect(await arrivalDelay(owner.doc, fast.doc, 'to-fast')).toBeLessThan(L)
  })

  it("a replica cannot draw another's faults by reporting itself under that replica's client id", async () => {
    const server = await start()
    const b = await board(server)
    const owner = open(server.url, b.id, b.owner)
    const victim = open(server.url, b.id, b.editor)
    const impostor = open(server.url, b.id, b.editor)
    await Promise.all([synced(owner), synced(victim), synced(impostor)])
    await known(server, b.id, victim)
    await known(server, b.id, impostor)
    const claim = { clientId: victim.doc.clientID, stateVector: {}, digest: 'x', user: null, pending: null }
    impostor.provider.sendStateless(JSON.stringify({ channel: 'lab', type: 'report', report: claim }))
    sendFault(owner, { op: 'partition', clientId: victim.doc.clientID })
    await waitFor(() => faultsOn(server, b.id) > 0, { what: 'the partition to be in place' })
    set(impostor.doc, 'from-impostor', 1)
    await waitFor(() => get(owner.doc, 'from-impostor') === 1, { what: "the impostor's edit, unaffected" })
    set(victim.doc, 'from-victim', 1)
    set(owner.doc, 'later', 1)
    await waitFor(() => get(impostor.doc, 'later') === 1, { what: 'a later edit at the impostor' })
    expect(get(owner.doc, 'from-victim')).toBeUndefined()
  })

  it('refuses fault commands from any role but the owner, with a message and a log line', async () => {
    const server = await start()
    const b = await board(server)
    const editor = open(server.url, b.id, b.editor)
    const other = open(server.url, b.id, b.editor)
    const inbox = labInbox(editor)
    await Promise.all([synced(editor), synced(other)])
    await known(server, b.id, other)
    sendFault(editor, { op: 'partition', clientId: other.doc.clientID })
    await waitFor(() => inbox.find((m) => m.type === 'refused'), { what: 'the refusal' })
    await server.waitForLog((line) => line.msg === 'lab fault command refused: not the owner', 'the refusal log line')
    expect(faultsOn(server, b.id)).toBe(0)
    set(editor.doc, 'still-connected', 1)
    await waitFor(() => get(other.doc, 'still-connected') === 1, { what: 'edits to flow as before' })
  })
})

function faultsOn(server: TestServer, boardId: string): number {
  const faults = server.server.hocuspocus.configuration.extensions.find((e) => e.extensionName === 'concord-fault-injection') as
    | { faults(name: string): unknown[] }
    | undefined
  return faults?.faults(boardDocumentName(boardId)).length ?? 0
}

/** Writes `key` on `from` and resolves how many ms later `to` had it. */
async function arrivalDelay(from: Y.Doc, to: Y.Doc, key: string): Promise<number> {
  const sentAt = performance.now()
  set(from, key, 1)
  await waitFor(() => get(to, key) === 1, { what: `${key} to arrive` })
  return performance.now() - sentAt
}
