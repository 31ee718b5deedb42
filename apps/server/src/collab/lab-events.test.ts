import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { UpdateLeg } from '@concord/shared'
import { causesOf, hasConverged, isEcho, legFate, readSyncPayload } from './lab-events.ts'

function leg(id: string, connectionId: string, authors: UpdateLeg['authors']): UpdateLeg {
  return { id, direction: 'in', connectionId, nodeId: 'node-1', at: 0, kind: 'update', authors, bytes: 1, fate: { fate: 'delivered' }, causes: [] }
}

function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, 'board:x')
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, type)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

describe('lab telemetry event model', () => {
  it('reads the update out of sync step 2 and update frames only', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('k', 1)
    const update = Y.encodeStateAsUpdate(doc)
    expect(readSyncPayload(syncFrame(2, update))).toEqual({ kind: 'update', update })
    expect(readSyncPayload(syncFrame(1, update))).toEqual({ kind: 'sync-step-2', update })
    expect(readSyncPayload(syncFrame(0, Y.encodeStateVector(doc)))).toBeNull()
    expect(readSyncPayload(new Uint8Array([200]))).toBeNull()
  })

  it('maps a fault verdict to delivered, delayed until a time, or dropped', () => {
    expect(legFate(undefined, 1000)).toEqual({ fate: 'delivered' })
    expect(legFate({ delayMs: 300 }, 1000)).toEqual({ fate: 'delayed', until: 1300 })
    expect(legFate({ drop: true }, 1000)).toEqual({ fate: 'dropped' })
  })

  it("names the incoming legs a (batched) relay carries, never the receiver's own", () => {
    const recent = [leg('1', 'a', [{ clientId: 1, from: 0, to: 2 }]), leg('2', 'b', [{ clientId: 2, from: 0, to: 1 }]), leg('3', 'a', [{ clientId: 1, from: 2, to: 3 }])]
    // One relay batching a's two updates and b's.
    const batch = [
      { clientId: 1, from: 0, to: 3 },
      { clientId: 2, from: 0, to: 1 },
    ]
    expect(causesOf(recent, batch, 'c')).toEqual(['1', '2', '3'])
    expect(causesOf(recent, batch, 'a')).toEqual(['2'])
    expect(causesOf(recent, [{ clientId: 1, from: 2, to: 3 }], 'c')).toEqual(['3'])
    expect(causesOf(recent, [{ clientId: 9, from: 0, to: 1 }], 'c')).toEqual([])
  })

  it("recognises the server's echo of an update to its own sender", () => {
    const recent = [leg('1', 'a', [{ clientId: 1, from: 0, to: 2 }])]
    expect(isEcho(recent, [{ clientId: 1, from: 1, to: 2 }], 'a')).toBe(true)
    expect(isEcho(recent, [{ clientId: 1, from: 1, to: 2 }], 'b')).toBe(false)
    expect(isEcho(recent, [], 'a')).toBe(false)
  })

  it('judges convergence from reports made since the heal, and needs at least one report', () => {
    const report = (digest: string, at: number) => ({ clientId: 1, stateVector: {}, digest, user: null, pending: 0, at })
    expect(hasConverged([report('d', 20), report('d', 15)], 'd', 10)).toBe(true)
    expect(hasConverged([report('d', 20), report('x', 20)], 'd', 10)).toBe(false)
    expect(hasConverged([report('d', 5)], 'd', 10)).toBe(false)
    expect(hasConverged([], 'd', 10)).toBe(false)
  })
})
