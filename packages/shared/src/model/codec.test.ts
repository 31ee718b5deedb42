import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  changedRecordIds,
  deleteRecord,
  readAllRecords,
  readRecord,
  writeRecord,
  writeRecordChange,
  type JsonRecord,
} from './codec.ts'
import type { JsonObject } from './json.ts'
import { getRecordsMap } from './layout.ts'

function shape(overrides: Partial<JsonRecord> = {}): JsonRecord {
  return {
    id: 'shape:a',
    typeName: 'shape',
    type: 'geo',
    x: 0,
    y: 0,
    rotation: 0,
    parentId: 'page:page',
    index: 'a1',
    props: { w: 100, h: 80, color: 'black', richText: { type: 'doc', content: [] }, extra: { a: 1, b: { c: 2 } } },
    meta: {},
    ...overrides,
  }
}

/** Two docs that exchange every update, as a server would relay them. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, u, a))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, u, b))
  return [a, b]
}

describe('record codec', () => {
  it('round-trips a record through Yjs', () => {
    const doc = new Y.Doc()
    const records = getRecordsMap(doc)
    writeRecord(records, shape())
    expect(readRecord(records, 'shape:a')).toEqual(shape())
    expect(readAllRecords(records)).toEqual([shape()])
  })

  it('stores props and meta as nested maps and atomic values whole', () => {
    const doc = new Y.Doc()
    const records = getRecordsMap(doc)
    writeRecord(records, shape())
    const record = records.get('shape:a')!
    const props = record.get('props')
    expect(props).toBeInstanceOf(Y.Map)
    expect((props as Y.Map<unknown>).get('extra')).toBeInstanceOf(Y.Map)
    expect((props as Y.Map<unknown>).get('richText')).not.toBeInstanceOf(Y.AbstractType)
    expect(record.get('meta')).toBeInstanceOf(Y.Map)
  })

  it('writes nothing when a record is written again unchanged', () => {
    const doc = new Y.Doc()
    const records = getRecordsMap(doc)
    writeRecord(records, shape())
    let updates = 0
    doc.on('update', () => updates++)
    writeRecord(records, shape())
    expect(updates).toBe(0)
  })

  it('keeps concurrent edits to different fields of one record', () => {
    const [a, b] = linkedDocs()
    writeRecord(getRecordsMap(a), shape())
    // Disconnect: edits made concurrently, then exchanged.
    const a2 = new Y.Doc()
    const b2 = new Y.Doc()
    Y.applyUpdate(a2, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(b2, Y.encodeStateAsUpdate(b))
    writeRecord(getRecordsMap(a2), shape({ x: 100 }))
    writeRecord(getRecordsMap(b2), shape({ props: { ...(shape().props as JsonObject), color: 'red' } }))
    Y.applyUpdate(a2, Y.encodeStateAsUpdate(b2))
    Y.applyUpdate(b2, Y.encodeStateAsUpdate(a2))
    for (const doc of [a2, b2]) {
      const merged = readRecord(getRecordsMap(doc), 'shape:a')!
      expect(merged.x).toBe(100)
      expect((merged.props as { color: string }).color).toBe('red')
    }
  })

  it('writes only what a local change touched, keeping a peer edit merged meanwhile', () => {
    const doc = new Y.Doc()
    const records = getRecordsMap(doc)
    const before = shape()
    writeRecord(records, before)
    // A peer recolours the shape and changes a nested key; the update is already in the doc ...
    writeRecord(records, shape({ props: { ...(before.props as JsonObject), color: 'red', extra: { a: 9, b: { c: 2 } } } }))
    // ... when a local move computed from the old record is written.
    writeRecordChange(records, before, shape({ x: 40, props: { ...(before.props as JsonObject), extra: { a: 1, b: { c: 5 } } } }))
    const merged = readRecord(records, 'shape:a')!
    expect(merged.x).toBe(40)
    expect(merged.props).toMatchObject({ color: 'red', extra: { a: 9, b: { c: 5 } } })
  })

  it('writes a changed record whole when a peer deleted it meanwhile', () => {
    const doc = new Y.Doc()
    const records = getRecordsMap(doc)
    writeRecordChange(records, shape(), shape({ x: 7 }))
    expect(readRecord(records, 'shape:a')).toEqual(shape({ x: 7 }))
  })

  it('removes fields that a new version of the record no longer has', () => {
    const doc = new Y.Doc()
    const records = getRecordsMap(doc)
    writeRecord(records, shape({ meta: { note: 'x' } }))
    writeRecord(records, shape({ meta: {} }))
    expect(readRecord(records, 'shape:a')!.meta).toEqual({})
  })

  it('replaces a nested object with a primitive and back', () => {
    const doc = new Y.Doc()
    const records = getRecordsMap(doc)
    writeRecord(records, shape())
    const props = { ...(shape().props as JsonObject), extra: 5 }
    writeRecord(records, shape({ props }))
    expect((readRecord(records, 'shape:a')!.props as { extra: unknown }).extra).toBe(5)
    writeRecord(records, shape())
    expect(readRecord(records, 'shape:a')).toEqual(shape())
  })

  it('ignores entries that are not shaped like records', () => {
    const doc = new Y.Doc()
    const records = getRecordsMap(doc)
    const bogus = new Y.Map<unknown>()
    bogus.set('id', 'shape:other')
    records.set('shape:x', bogus)
    expect(readRecord(records, 'shape:x')).toBeNull()
    expect(readAllRecords(records)).toEqual([])
  })

  it('reports which records a remote transaction put and removed', () => {
    const [a, b] = linkedDocs()
    const seen: Array<{ put: string[]; removed: string[] }> = []
    const bRecords = getRecordsMap(b)
    bRecords.observeDeep((events) => {
      const { put, removed } = changedRecordIds(bRecords, events)
      seen.push({ put: [...put].sort(), removed: [...removed].sort() })
    })
    const aRecords = getRecordsMap(a)
    a.transact(() => {
      writeRecord(aRecords, shape())
      writeRecord(aRecords, shape({ id: 'shape:b' }))
    })
    a.transact(() => {
      writeRecord(aRecords, shape({ x: 5 }))
      deleteRecord(aRecords, 'shape:b')
    })
    expect(seen).toEqual([
      { put: ['shape:a', 'shape:b'], removed: [] },
      { put: ['shape:a'], removed: ['shape:b'] },
    ])
  })
})
