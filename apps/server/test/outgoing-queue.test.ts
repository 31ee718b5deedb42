import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { MessageType, type Connection } from '@hocuspocus/server'
import { waitFor } from '@concord/test-kit/wait'
import { OutgoingQueue, type FrameVerdict, type OutgoingFrame } from '../src/collab/outgoing-queue.ts'

/** A stand-in for a Hocuspocus connection: records what reaches its socket. */
function fakeConnection() {
  const sent: number[] = []
  const closeCallbacks: Array<() => void> = []
  const connection = {
    send: (bytes: Uint8Array) => sent.push(bytes.at(-1)!),
    onClose: (callback: () => void) => closeCallbacks.push(callback),
  }
  return {
    connection: connection as unknown as Connection,
    sent,
    close: () => closeCallbacks.forEach((callback) => callback()),
  }
}

/** A frame of `type` for `board:x` whose last byte is `id`, so tests can tell frames apart. */
function frame(type: number, id: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, 'board:x')
  encoding.writeVarUint(encoder, type)
  encoding.writeUint8(encoder, id)
  return encoding.toUint8Array(encoder)
}

async function queueWith(...rules: Array<(frame: OutgoingFrame) => FrameVerdict>) {
  const queue = new OutgoingQueue(rules)
  const client = fakeConnection()
  await queue.connected({ connection: client.connection } as Parameters<OutgoingQueue['connected']>[0])
  return { queue, ...client }
}

const holdAcks = (tag: string) => (frame: OutgoingFrame): FrameVerdict =>
  frame.messageType === MessageType.SyncStatus ? { hold: tag } : undefined

describe('the outgoing-frame queue', () => {
  it('holds only the frames a rule picks; the rest go out at once and in order', async () => {
    const { queue, connection, sent } = await queueWith(holdAcks('commit-1'))
    connection.send(frame(0, 1))
    connection.send(frame(MessageType.SyncStatus, 2))
    connection.send(frame(1, 3))
    connection.send(frame(MessageType.SyncStatus, 4))
    expect(sent).toEqual([1, 3])
    expect(queue.heldCount()).toBe(2)

    const released = queue.release((held) => held.tag === 'commit-1')
    expect(released.map((held) => held.messageType)).toEqual([MessageType.SyncStatus, MessageType.SyncStatus])
    expect(sent).toEqual([1, 3, 2, 4])
    expect(queue.heldCount()).toBe(0)
  })

  it('releases by predicate, leaving the other held frames held', async () => {
    let tag = 'a'
    const { queue, connection, sent } = await queueWith((outgoing) => (outgoing.messageType === MessageType.SyncStatus ? { hold: tag } : undefined))
    connection.send(frame(MessageType.SyncStatus, 1))
    tag = 'b'
    connection.send(frame(MessageType.SyncStatus, 2))
    queue.release((held) => held.tag === 'b')
    expect(sent).toEqual([2])
    queue.release(() => true)
    expect(sent).toEqual([2, 1])
  })

  it('drops and delays frames, and a released frame continues through the later rules', async () => {
    const { queue, connection, sent } = await queueWith(
      holdAcks('commit'),
      (outgoing) => (outgoing.messageType === 1 ? { drop: true } : undefined),
      (outgoing) => (outgoing.messageType === MessageType.SyncStatus ? { delayMs: 20 } : undefined),
    )
    connection.send(frame(1, 1))
    connection.send(frame(MessageType.SyncStatus, 2))
    connection.send(frame(0, 3))
    queue.release(() => true)
    expect(sent).toEqual([3])
    await waitFor(() => sent.length === 2, { what: 'the delayed frame' })
    expect(sent).toEqual([3, 2])
  })

  it('forgets what it held for a connection that closed', async () => {
    const { queue, connection, sent, close } = await queueWith(holdAcks('commit'))
    connection.send(frame(MessageType.SyncStatus, 1))
    close()
    expect(queue.heldCount()).toBe(0)
    queue.release(() => true)
    expect(sent).toEqual([])
    // Frames sent while closing (Hocuspocus' close message) still reach the socket.
    connection.send(frame(7, 2))
    expect(sent).toEqual([2])
  })
})
