import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { nestedRecord } from '@concord/test-kit/update-mutants'
import { MAX_READ_DEPTH, readBounded } from './bounded-read.ts'
import { readRecord } from './codec.ts'
import { getRecordsMap } from './layout.ts'
import { boardDigest } from './replicaState.ts'

describe('bounded reads', () => {
  it('read maps, arrays and JSON values like toJSON', () => {
    const doc = new Y.Doc()
    const map = doc.getMap('m')
    const list = new Y.Array<unknown>()
    map.set('list', list)
    list.push([1, { a: [true, null] }])
    map.set('text', 'hi')
    expect(readBounded(map)).toEqual(map.toJSON())
  })

  it('give null for a record nested past the bound, where toJSON overflowed the stack, and the digest still computes', () => {
    const doc = new Y.Doc()
    nestedRecord(doc, 'shape:deep', 20_000)
    nestedRecord(doc, 'shape:ok', MAX_READ_DEPTH - 2)
    expect(() => getRecordsMap(doc).get('shape:deep')!.toJSON()).toThrow(RangeError)
    expect(readRecord(getRecordsMap(doc), 'shape:deep')).toBeNull()
    expect(readRecord(getRecordsMap(doc), 'shape:ok')).toMatchObject({ id: 'shape:ok' })
    expect(boardDigest(doc)).toMatch(/^[0-9a-f]{14}$/)
  })
})
