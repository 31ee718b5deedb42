import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { awarenessFrame, MESSAGE, messageKey, readFrame, SYNC, updateFrame, type FrameSink } from './frames.ts'
import { Column } from './growable.ts'
import { measure } from './matching.ts'
import { HISTOGRAM_STEP_MS } from './messages.ts'

function sink() {
  const seen = { updates: [] as [number, number, number][], awareness: [] as [number, number][], synced: 0 }
  const frameSink: FrameSink = {
    update: (clientId, from, length) => seen.updates.push([clientId, from, length]),
    awareness: (clientId, clock) => seen.awareness.push([clientId, clock]),
    synced: () => seen.synced++,
  }
  return { seen, frameSink }
}

/** The updates a writer produces for `count` beacon writes, one per transaction. */
function writes(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let seq = 1; seq <= count; seq++) doc.getMap('beacon').set('seq', seq)
  return { doc, updates }
}

describe('what thin clients read from frames', () => {
  it('identifies each update by its author and clock, and an update the server merged by the whole range it covers', () => {
    const { doc, updates } = writes(3)
    const { seen, frameSink } = sink()
    readFrame(updateFrame('board:x', updates[0]!), frameSink)
    readFrame(updateFrame('board:x', Y.mergeUpdates([updates[1]!, updates[2]!])), frameSink)
    expect(seen.updates).toEqual([
      [doc.clientID, 0, 1],
      [doc.clientID, 1, 2],
    ])
  })

  it('reads every client and clock of an awareness update without decoding the states', () => {
    const { seen, frameSink } = sink()
    readFrame(awarenessFrame('board:x', 42, 7, { presence: { cursor: { x: 1, y: 2 } } }), frameSink)
    expect(seen.awareness).toEqual([[42, 7]])
  })

  it('takes the answer to its sync step 1 as synced, without counting the document in it as deliveries', () => {
    const { updates } = writes(2)
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, 'board:x')
    encoding.writeVarUint(encoder, MESSAGE.sync)
    encoding.writeVarUint(encoder, SYNC.step2)
    encoding.writeVarUint8Array(encoder, Y.mergeUpdates(updates))
    const { seen, frameSink } = sink()
    readFrame(encoding.toUint8Array(encoder), frameSink)
    expect(seen).toEqual({ updates: [], awareness: [], synced: 1 })
  })
})

describe('matching receptions to sends', () => {
  it('counts a merged reception as a delivery of each send it covers, with each send’s own latency', () => {
    const author = 7
    const sends = {
      keys: Float64Array.from([messageKey(author, 0), messageKey(author, 1), messageKey(author, 2)]),
      lengths: Float64Array.from([1, 1, 1]),
      times: Float64Array.from([100, 110, 120]),
      rooms: Float64Array.from([0, 0, 0]),
    }
    const [keys, lengths, times] = [new Column(), new Column(), new Column()]
    // Receiver one got the first send alone at 105 and the next two merged at 130; receiver two only the first, at 108.
    for (const [key, length, time] of [
      [messageKey(author, 0), 1, 105],
      [messageKey(author, 1), 2, 130],
      [messageKey(author, 0), 1, 108],
    ]) {
      keys.push(key!)
      lengths.push(length!)
      times.push(time!)
    }
    const result = measure(sends, keys, lengths, times)
    expect([...result.counts]).toEqual([2, 1, 1])
    expect([...result.lastReceive]).toEqual([108, 130, 130])
    const latencies = [...result.histogram].flatMap((count, bucket) => Array<number>(count).fill(Math.round(bucket * HISTOGRAM_STEP_MS)))
    expect(latencies).toEqual([5, 8, 10, 20])
  })
})
