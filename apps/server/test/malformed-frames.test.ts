import { describe, expect, it } from 'vitest'
import { boardDocumentName, MAX_FRAME_BYTES } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { synced, type TestClient } from '@concord/test-kit/collab-client'
import { authFrame, updateFrame } from '@concord/test-kit/frames'
import { openRawSocket } from '@concord/test-kit/raw-socket'
import { waitFor } from '@concord/test-kit/wait'
import { testResources } from './helpers/resources.ts'

const { start, open } = testResources()

/** A board with two synced clients, alice and bob. */
async function boardWithTwoClients() {
  const server = await start()
  const board = await createBoard(server.url)
  const alice = open(server.url, board.id, linkToken(board.links.owner))
  const bob = open(server.url, board.id, linkToken(board.links.editor))
  await Promise.all([synced(alice), synced(bob)])
  return { ...server, board, alice, bob }
}

async function stillSyncing(alice: TestClient, bob: TestClient, value: string): Promise<void> {
  alice.doc.getMap('test').set('after', value)
  await waitFor(() => bob.doc.getMap('test').get('after') === value, { what: 'an edit to reach the other client' })
}

describe('malformed frames', () => {
  it('an undecodable frame closes only the socket that sent it', async () => {
    const { url, alice, bob } = await boardWithTwoClients()
    const raw = await openRawSocket(url)
    raw.socket.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]))
    expect((await raw.closed).code).not.toBe(1000)
    await stillSyncing(alice, bob, 'after garbage')
  })

  it('a corrupt Yjs update on an authenticated document closes that socket and leaves the board intact', async () => {
    const { url, board, alice, bob, server } = await boardWithTwoClients()
    alice.doc.getMap('test').set('before', 'kept')
    await waitFor(() => bob.doc.getMap('test').get('before') === 'kept', { what: 'the first edit at bob' })

    const name = boardDocumentName(board.id)
    const raw = await openRawSocket(url)
    raw.socket.send(authFrame(name, linkToken(board.links.editor)))
    await waitFor(() => raw.received.length > 0, { what: 'the authentication answer' })
    raw.socket.send(updateFrame(name, new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02])))
    const closed = await raw.closed
    expect(closed.code).toBe(1007)

    await stillSyncing(alice, bob, 'after corrupt update')
    expect(server.hocuspocus.documents.get(name)?.getMap('test').get('before')).toBe('kept')
  })

  it('a frame above the size limit closes that socket with 1009', async () => {
    const { url, alice, bob } = await boardWithTwoClients()
    const raw = await openRawSocket(url)
    raw.socket.send(new Uint8Array(MAX_FRAME_BYTES + 1))
    expect((await raw.closed).code).toBe(1009)
    await stillSyncing(alice, bob, 'after oversized frame')
  })

  it('upgrades on other paths are refused', async () => {
    const { url } = await boardWithTwoClients()
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/elsewhere`)
    const outcome = await new Promise<string>((resolve) => {
      socket.addEventListener('open', () => resolve('open'))
      socket.addEventListener('error', () => resolve('error'))
    })
    expect(outcome).toBe('error')
  })
})
