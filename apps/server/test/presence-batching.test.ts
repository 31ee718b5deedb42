import { Document, MessageType, type afterLoadDocumentPayload, type Connection } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { boardDocumentName } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { synced } from '@concord/test-kit/collab-client'
import { RawCollabSocket } from '@concord/test-kit/raw-collab'
import { waitFor } from '@concord/test-kit/wait'
import { PresenceBatching } from '../src/collab/presence-batching.ts'
import { testResources } from './helpers/resources.ts'
import { openYws, ywsSynced } from './helpers/y-websocket.ts'

const { start, open, track } = testResources()

/** Long enough that what a test sends right after a frame lands in the next one, even on a busy machine. */
const LONG_TICK_MS = 1500

interface Entry {
  clientId: number
  clock: number
  state: unknown
}

/** The client states an awareness frame from the server carries; null for any other frame. */
function awarenessEntries(frame: Uint8Array): Entry[] | null {
  const decoder = decoding.createDecoder(frame)
  decoding.readVarString(decoder)
  if (decoding.readVarUint(decoder) !== MessageType.Awareness) return null
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  return Array.from({ length: decoding.readVarUint(update) }, () => ({
    clientId: decoding.readVarUint(update),
    clock: decoding.readVarUint(update),
    state: JSON.parse(decoding.readVarString(update)) as unknown,
  }))
}

/** The awareness frames a raw socket received after the first `from` frames, as their entries. */
function awarenessFramesAfter(socket: RawCollabSocket, from: number): Entry[][] {
  return socket.received.slice(from).flatMap((frame) => {
    const entries = awarenessEntries(frame)
    return entries ? [entries] : []
  })
}

async function rawSocket(url: string, name: string, token: string): Promise<RawCollabSocket> {
  const socket = await RawCollabSocket.open(url, name, token)
  track({ destroy: () => socket.close() })
  return socket
}

/** A board with a receiving raw socket and `senders` raw editor sockets, on a server with a long presence tick. */
async function boardWithSockets(senders: number) {
  const server = await start({ presenceTickMs: LONG_TICK_MS })
  const board = await createBoard(server.url)
  const name = boardDocumentName(board.id)
  const token = linkToken(board.links.editor)
  const receiver = await rawSocket(server.url, name, token)
  const sockets = await Promise.all(Array.from({ length: senders }, () => rawSocket(server.url, name, token)))
  return { server, board, name, receiver, sockets }
}

describe('presence batching: one awareness frame per receiver per tick', () => {
  it('changes of several clients within one tick reach a receiver as one frame with the latest state of each', async () => {
    const { server, name, receiver, sockets } = await boardWithSockets(3)
    const [a, b, c] = sockets as [RawCollabSocket, RawCollabSocket, RawCollabSocket]
    // Each change is sent once the server applied the one before: without batching, each would go out on its own.
    const send = async (socket: RawCollabSocket, clientId: number, n: string, clock: number) => {
      socket.sendAwareness([[clientId, { n }]], clock)
      const states = () => server.server.hocuspocus.documents.get(name)!.awareness.getStates()
      await waitFor(() => (states().get(clientId) as { n?: string } | undefined)?.n === n, { what: `the server to apply ${n}` })
    }
    // The first change after a quiet tick goes out at once, and starts a tick.
    a.sendAwareness([[1001, { n: 'a1' }]], 1)
    await waitFor(() => awarenessFramesAfter(receiver, 0).some((entries) => entries.some((e) => e.clientId === 1001)), { what: 'the first state' })
    const mark = receiver.received.length

    await send(b, 1002, 'b1', 1)
    await send(c, 1003, 'c1', 1)
    await send(a, 1001, 'a2', 2)
    await send(a, 1001, 'a3', 3)
    await waitFor(() => awarenessFramesAfter(receiver, mark).length > 0, { what: 'the next awareness frame' })

    const frames = awarenessFramesAfter(receiver, mark)
    expect(frames).toHaveLength(1)
    const byClient = Object.fromEntries(frames[0]!.map(({ clientId, clock, state }) => [clientId, { clock, state }]))
    expect(byClient).toEqual({
      1001: { clock: 3, state: { n: 'a3', role: 'editor' } },
      1002: { clock: 1, state: { n: 'b1', role: 'editor' } },
      1003: { clock: 1, state: { n: 'c1', role: 'editor' } },
    })
  })

  it('a client that updates and leaves within one tick reaches the others as a removal', async () => {
    const { server, name, receiver, sockets } = await boardWithSockets(2)
    const [a, leaver] = sockets as [RawCollabSocket, RawCollabSocket]
    // The receiver applies what it gets, as a provider does.
    const seen = track(new Awareness(new Y.Doc()))
    const applied = new Set<Uint8Array>()
    const apply = () => {
      for (const frame of receiver.received) {
        if (applied.has(frame)) continue
        applied.add(frame)
        const decoder = decoding.createDecoder(frame)
        decoding.readVarString(decoder)
        if (decoding.readVarUint(decoder) === MessageType.Awareness) applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), 'server')
      }
      return seen.getStates()
    }

    a.sendAwareness([[2001, { n: 'a1' }]], 1)
    leaver.sendAwareness([[2002, { n: 'l1' }]], 1)
    await waitFor(() => apply().has(2001) && apply().has(2002), { what: 'both states at the receiver' })
    const mark = receiver.received.length

    leaver.sendAwareness([[2002, { n: 'l2' }]], 2)
    const serverStates = () => server.server.hocuspocus.documents.get(name)!.awareness.getStates()
    await waitFor(() => (serverStates().get(2002) as { n?: string } | undefined)?.n === 'l2', { what: 'the server to apply the last update' })
    leaver.close()
    await waitFor(() => !serverStates().has(2002), { what: 'the server to remove the leaver' })
    await waitFor(() => !apply().has(2002), { what: 'the removal at the receiver' })

    const frames = awarenessFramesAfter(receiver, mark)
    expect(frames).toHaveLength(1)
    expect(frames[0]).toEqual([{ clientId: 2002, clock: 2, state: null }])
    expect(apply().get(2001)).toEqual({ n: 'a1', role: 'editor' })
  })

  it('a viewer’s presence is in no batch', async () => {
    const { board, server, name, receiver, sockets } = await boardWithSockets(1)
    const viewer = await rawSocket(server.url, name, linkToken(board.links.viewer))
    viewer.sendAwareness([[3001, { n: 'viewer' }]], 1)
    sockets[0]!.sendAwareness([[3002, { n: 'editor' }]], 1)
    // Frames of one connection are handled in order: once an edit of the viewer is refused, its
    // awareness frame before it has been handled too.
    viewer.sendUpdate(editOf(new Y.Doc()))
    await waitFor(() => viewer.acknowledgements().length > 0 || !viewer.isOpen, { what: 'an answer to the viewer’s edit' })
    viewer.sendAwareness([[3001, { n: 'viewer again' }]], 2)
    sockets[0]!.sendAwareness([[3002, { n: 'editor again' }]], 2)
    await waitFor(() => awarenessFramesAfter(receiver, 0).some((entries) => entries.some((e) => e.clientId === 3002 && e.clock === 2)), {
      what: 'the editor’s second state',
    })
    const clients = awarenessFramesAfter(receiver, 0).flatMap((entries) => entries.map((e) => e.clientId))
    expect(clients).not.toContain(3001)
    expect(server.server.hocuspocus.documents.get(name)!.awareness.getStates().has(3001)).toBe(false)
  })

  it('a stock y-websocket client and a Hocuspocus provider see every peer’s latest state', async () => {
    const server = await start()
    const board = await createBoard(server.url)
    const name = boardDocumentName(board.id)
    const token = linkToken(board.links.editor)
    const hp = open(server.url, board.id, token)
    const ws = track(openYws(server.url, board.id, token))
    await Promise.all([synced(hp), ywsSynced(ws)])
    const movers = await Promise.all([4001, 4002, 4003].map(() => rawSocket(server.url, name, token)))

    // Bursts of moves, faster than the tick, from every peer at once.
    const MOVES = 20
    for (let n = 1; n <= MOVES; n++) {
      movers.forEach((socket, index) => socket.sendAwareness([[4001 + index, { cursor: { x: n, y: index } }]], n))
      hp.provider.setAwarenessField('cursor', { x: n, y: 10 })
      ws.provider.awareness.setLocalStateField('cursor', { x: n, y: 20 })
    }
    const expected = new Map<number, unknown>([
      [4001, { cursor: { x: MOVES, y: 0 }, role: 'editor' }],
      [4002, { cursor: { x: MOVES, y: 1 }, role: 'editor' }],
      [4003, { cursor: { x: MOVES, y: 2 }, role: 'editor' }],
      [hp.doc.clientID, { cursor: { x: MOVES, y: 10 }, role: 'editor' }],
      [ws.doc.clientID, { cursor: { x: MOVES, y: 20 }, role: 'editor' }],
    ])
    const sees = (states: Map<number, unknown>, self: number) =>
      [...expected].every(([clientId, state]) => clientId === self || JSON.stringify(states.get(clientId)) === JSON.stringify(state))
    await waitFor(() => sees(hp.provider.awareness!.getStates(), hp.doc.clientID), { what: 'every latest state at the Hocuspocus provider' })
    await waitFor(() => sees(ws.provider.awareness.getStates(), ws.doc.clientID), { what: 'every latest state at the y-websocket client' })
    expect(sees(hp.provider.awareness!.getStates(), hp.doc.clientID) && sees(ws.provider.awareness.getStates(), ws.doc.clientID)).toBe(true)
  })
})

describe('presence batching: frame size', () => {
  it('splits a batch larger than the frame limit into frames within it, every client in one of them', async () => {
    const document = new Document('board:split')
    const frames: Uint8Array[] = []
    const connection = { messageAddress: document.name, send: (frame: Uint8Array) => frames.push(frame) } as unknown as Connection
    document.addConnection(connection)
    const maxFrameBytes = 8 * 1024
    await new PresenceBatching(0, maxFrameBytes).afterLoadDocument({ document } as afterLoadDocumentPayload)

    // 40 states of ~1 KiB from one peer's update: 40 KiB in one tick.
    const peer = track(new Awareness(new Y.Doc()))
    const clients = Array.from({ length: 40 }, (_, index) => 5000 + index)
    const states = clients.map((clientId) => [clientId, { blob: 'x'.repeat(1000) }] as const)
    for (const [clientId, state] of states) {
      peer.states.set(clientId, state)
      peer.meta.set(clientId, { clock: 1, lastUpdated: Date.now() })
    }
    applyAwarenessUpdate(document.awareness, encodeAwarenessUpdate(peer, clients), 'test')
    await waitFor(() => frames.length > 0, { what: 'the batch' })

    expect(frames.length).toBeGreaterThan(1)
    for (const frame of frames) expect(frame.byteLength).toBeLessThanOrEqual(maxFrameBytes)
    const sent = frames.flatMap((frame) => awarenessEntries(frame)!.map((entry) => entry.clientId))
    expect(sent.sort()).toEqual(clients)
    document.destroy()
  })
})

/** An update with one edit, as a viewer would try to send. */
function editOf(doc: Y.Doc): Uint8Array {
  doc.getMap('test').set('from-viewer', true)
  return Y.encodeStateAsUpdate(doc)
}
