import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deleteRecord, writeRecord } from './codec.ts'
import { getRecordsMap, initBoardDoc } from './layout.ts'
import {
  boardDigest,
  boardDigestSteps,
  compareStateVectors,
  formatStateVector,
  stateVectorOf,
  updateAuthors,
} from './replicaState.ts'

function shape(id: string, x: number) {
  return { id, typeName: 'shape', type: 'geo', x, y: 0, props: { w: 10, h: 10, geo: 'rectangle' }, meta: {} }
}

/** `boardDigest` of a document with `shape('shape:1', 1)` alone, as the one-pass version computed it. */
const DIGEST_OF_ONE_SHAPE = '04b82ae78ade2d'

function docWith(clientId: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientId
  return doc
}

describe('board digest', () => {
  it('keeps its value (clients of the previous version report digests too)', () => {
    const doc = docWith(1)
    writeRecord(getRecordsMap(doc), shape('shape:1', 1))
    expect(boardDigest(new Y.Doc())).toBe('0a73fa6e473e8c')
    expect(boardDigest(doc)).toBe(DIGEST_OF_ONE_SHAPE)
  })

  it('in steps: one per record, and the same digest', () => {
    const doc = docWith(1)
    for (let i = 0; i < 25; i++) writeRecord(getRecordsMap(doc), shape(`shape:${i}`, i))
    const steps = boardDigestSteps(doc)
    let yields = 0
    let step = steps.next()
    for (; !step.done; step = steps.next()) yields++
    expect(yields).toBe(25)
    expect(step.value).toBe(boardDigest(doc))
  })

  it('is equal for replicas with the same records, whatever order they were written in', () => {
    const a = docWith(1)
    const b = docWith(2)
    writeRecord(getRecordsMap(a), shape('shape:1', 1))
    writeRecord(getRecordsMap(a), shape('shape:2', 2))
    writeRecord(getRecordsMap(b), shape('shape:2', 2))
    writeRecord(getRecordsMap(b), shape('shape:1', 1))
    expect(boardDigest(a)).toBe(boardDigest(b))
    expect(boardDigest(a)).toMatch(/^[0-9a-f]{14}$/)
  })

  it('changes with any field of any record and with the board map', () => {
    const doc = docWith(1)
    initBoardDoc(doc, { title: 'T', createdAt: 1 })
    const empty = boardDigest(doc)
    writeRecord(getRecordsMap(doc), shape('shape:1', 1))
    const one = boardDigest(doc)
    writeRecord(getRecordsMap(doc), shape('shape:1', 2))
    const moved = boardDigest(doc)
    expect(new Set([empty, one, moved]).size).toBe(3)
    deleteRecord(getRecordsMap(doc), 'shape:1')
    expect(boardDigest(doc)).toBe(empty)
  })

  it('is equal for replicas that merged concurrent edits, and differs while they have not', () => {
    const a = docWith(1)
    const b = docWith(2)
    writeRecord(getRecordsMap(a), shape('shape:a', 1))
    writeRecord(getRecordsMap(b), shape('shape:b', 1))
    expect(boardDigest(a)).not.toBe(boardDigest(b))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(boardDigest(a)).toBe(boardDigest(b))
  })
})

describe('state vectors', () => {
  it('are read from a document and formatted by ascending client id', () => {
    const doc = docWith(300)
    expect(formatStateVector(stateVectorOf(doc))).toBe('empty')
    doc.getMap('m').set('x', 1)
    const other = docWith(20)
    other.getMap('m').set('y', 1)
    other.getMap('m').set('z', 1)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    expect(stateVectorOf(doc)).toEqual({ '20': 2, '300': 1 })
    expect(formatStateVector(stateVectorOf(doc))).toBe('20:2 · 300:1')
  })

  it('compare as equal, behind, ahead or concurrent', () => {
    expect(compareStateVectors({ '1': 2 }, { '1': 2 })).toBe('equal')
    expect(compareStateVectors({}, {})).toBe('equal')
    expect(compareStateVectors({ '1': 1 }, { '1': 2 })).toBe('behind')
    expect(compareStateVectors({ '1': 2, '5': 1 }, { '1': 2 })).toBe('ahead')
    expect(compareStateVectors({ '1': 3 }, { '1': 2, '5': 1 })).toBe('concurrent')
  })
})

describe('update authors', () => {
  it('lists the clock range each author contributes, so concurrent updates are recognisable', () => {
    const a = docWith(7)
    const updates: Uint8Array[] = []
    a.on('update', (update: Uint8Array) => updates.push(update))
    a.getMap('m').set('x', 1)
    a.getMap('m').set('y', 2)
    expect(updateAuthors(updates[0]!)).toEqual([{ clientId: 7, from: 0, to: 1 }])
    expect(updateAuthors(updates[1]!)).toEqual([{ clientId: 7, from: 1, to: 2 }])
    const b = docWith(3)
    b.getMap('m').set('z', 1)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(updateAuthors(Y.encodeStateAsUpdate(b))).toEqual([
      { clientId: 3, from: 0, to: 1 },
      { clientId: 7, from: 0, to: 2 },
    ])
  })
})
