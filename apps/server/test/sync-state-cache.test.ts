import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { boardDocumentName } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { acknowledged, synced } from '@concord/test-kit/collab-client'
import { authenticatedScope, authFrame } from '@concord/test-kit/frames'
import { openRawSocket, type RawSocket } from '@concord/test-kit/raw-socket'
import { waitFor } from '@concord/test-kit/wait'
import { testResources } from './helpers/resources.ts'

const { start, open } = testResources()

async function reuses(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text()
  return Number(text.match(/^concord_full_state_reuses_total (\S+)$/m)?.[1])
}

/** A sync step 1 frame carrying a state vector. */
function stepOneFrame(documentName: string, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, 0) // MessageType.Sync
  encoding.writeVarUint(encoder, 0) // y-protocols messageYjsSyncStep1
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

/** The sync frames (step 1 = 0, step 2 = 1) the server sent a raw socket for a document, in order. */
function syncFrames(raw: RawSocket, documentName: string): { step: number; payload: Uint8Array }[] {
  const frames = []
  for (const frame of raw.received) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarString(decoder) !== documentName || decoding.readVarUint(decoder) !== 0) continue
    frames.push({ step: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) })
  }
  return frames
}

/** Joins a document over a raw socket with `stateVector` and returns what the server answered. */
async function join(url: string, documentName: string, token: string, stateVector: Uint8Array) {
  const raw = await openRawSocket(url)
  raw.socket.send(authFrame(documentName, token))
  await waitFor(() => authenticatedScope(raw, documentName) !== null, { what: 'the authentication answer' })
  raw.socket.send(stepOneFrame(documentName, stateVector))
  await waitFor(() => syncFrames(raw, documentName).some((frame) => frame.step === 1), { what: 'the sync step 2' })
  raw.socket.close()
  return syncFrames(raw, documentName)
}

describe('joining a board', () => {
  it('replicas that have nothing share one encoding of the board until it changes', async () => {
    const { url, server } = await start()
    const board = await createBoard(url)
    const name = boardDocumentName(board.id)
    const author = open(url, board.id, linkToken(board.links.owner))
    await synced(author)
    author.doc.getMap('test').set('shapes', 2000)
    await acknowledged(author)

    const before = await reuses(url)
    const first = await join(url, name, linkToken(board.links.editor), Y.encodeStateVector(new Y.Doc()))
    const second = await join(url, name, linkToken(board.links.viewer), Y.encodeStateVector(new Y.Doc()))
    expect(await reuses(url)).toBe(before + 1)
    // Hocuspocus' order: the server's own step 1, then the step 2 answering the joiner's.
    expect(first.map((frame) => frame.step)).toEqual([0, 1])
    expect(second.map((frame) => frame.step)).toEqual([0, 1])
    expect(second[1]!.payload).toEqual(first[1]!.payload)
    const joined = new Y.Doc()
    Y.applyUpdate(joined, second[1]!.payload)
    expect(joined.getMap('test').get('shapes')).toBe(2000)

    // An edit retires the encoding: the next joiner gets the board as it is now.
    author.doc.getMap('test').set('shapes', 2001)
    await acknowledged(author)
    const third = await join(url, name, linkToken(board.links.editor), Y.encodeStateVector(new Y.Doc()))
    expect(await reuses(url)).toBe(before + 1)
    Y.applyUpdate(joined, third[1]!.payload)
    expect(joined.getMap('test').get('shapes')).toBe(2001)
    expect(third[1]!.payload).toEqual(Y.encodeStateAsUpdate(server.hocuspocus.documents.get(name)!))
  })

  it('a replica that has part of the board gets only what it misses', async () => {
    const { url } = await start()
    const board = await createBoard(url)
    const name = boardDocumentName(board.id)
    const author = open(url, board.id, linkToken(board.links.owner))
    await synced(author)
    author.doc.getMap('test').set('old', 'x'.repeat(10_000))
    await acknowledged(author)
    const returning = new Y.Doc()
    Y.applyUpdate(returning, Y.encodeStateAsUpdate(author.doc))
    author.doc.getMap('test').set('new', 'y')
    await acknowledged(author)

    const before = await reuses(url)
    const frames = await join(url, name, linkToken(board.links.editor), Y.encodeStateVector(returning))
    const missing = frames.find((frame) => frame.step === 1)!.payload
    expect(missing.byteLength).toBeLessThan(1_000)
    Y.applyUpdate(returning, missing)
    expect(returning.getMap('test').toJSON()).toEqual(author.doc.getMap('test').toJSON())
    expect(await reuses(url)).toBe(before)
  })

  it('providers joining together all sync the same board', async () => {
    const { url } = await start()
    const board = await createBoard(url)
    const author = open(url, board.id, linkToken(board.links.owner))
    await synced(author)
    author.doc.getMap('test').set('value', 'seen by all')
    await acknowledged(author)
    const joiners = Array.from({ length: 8 }, (_, i) => open(url, board.id, linkToken(i % 2 ? board.links.viewer : board.links.editor)))
    await Promise.all(joiners.map(synced))
    for (const joiner of joiners) expect(joiner.doc.getMap('test').get('value')).toBe('seen by all')
    expect(await reuses(url)).toBeGreaterThanOrEqual(1)
  })
})
