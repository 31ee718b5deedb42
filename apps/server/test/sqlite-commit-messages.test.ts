import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { packWrites, unpackWrites, type PackedWrites } from '../src/storage/sqlite-commit-messages.ts'
import type { DocumentWrite } from '../src/storage/types.ts'

describe('a group commit packed for the commit thread', () => {
  it('arrives with every update, snapshot and document in order, and leaves the buffers its updates are views of readable', () => {
    // Updates handed out as views of one shared buffer, as a pooled socket buffer would be.
    const shared = new Uint8Array([9, 1, 2, 3, 9, 4, 5, 9])
    const writes: DocumentWrite[] = [
      { name: 'board:a', updates: [shared.subarray(1, 4), new Uint8Array(0), shared.subarray(5, 7)] },
      { name: 'board:b', updates: [], snapshot: new Uint8Array([7, 7]) },
      { name: 'board:c', updates: [new Uint8Array([6])], snapshot: new Uint8Array([8]) },
    ]
    const packed = packWrites(writes)
    const { port1, port2 } = new MessageChannel()
    port1.postMessage(packed, [packed.bytes, packed.ends.buffer])
    const received = receiveMessageOnPort(port2)!.message as PackedWrites
    port1.close()

    expect(packed.bytes.byteLength, 'transferred, not copied').toBe(0)
    expect(shared).toEqual(new Uint8Array([9, 1, 2, 3, 9, 4, 5, 9]))
    expect(unpackWrites(received)).toEqual([
      { name: 'board:a', updates: [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array([4, 5])], snapshot: undefined },
      { name: 'board:b', updates: [], snapshot: new Uint8Array([7, 7]) },
      { name: 'board:c', updates: [new Uint8Array([6])], snapshot: new Uint8Array([8]) },
    ])
  })
})
