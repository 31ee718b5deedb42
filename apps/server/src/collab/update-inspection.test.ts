import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_DOCUMENT_LIMITS } from './document-limits.ts'
import { inspectUpdate } from './update-inspection.ts'

function updateOf(write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  write(doc)
  return Y.encodeStateAsUpdate(doc)
}

const limits = { ...DEFAULT_DOCUMENT_LIMITS, maxDepth: 4, maxStringLength: 10, maxStructsPerUpdate: 50 }

describe('update inspection', () => {
  it('accepts an ordinary update', () => {
    expect(inspectUpdate(updateOf((doc) => doc.getMap('m').set('k', { a: [1, 'short'] })), limits)).toBeNull()
  })

  it('refuses what does not decode, too many operations, long strings and keys, deep JSON values and subdocuments', () => {
    expect(inspectUpdate(new Uint8Array([0xff, 0xff, 0xff, 0x01]), limits)).toEqual({ malformed: 'update does not decode' })
    const many = updateOf((doc) => {
      for (let n = 0; n < 60; n++) doc.getMap('m').set(`k${n}`, n)
    })
    expect(inspectUpdate(many, limits)).toEqual({ limit: 'update holds more than 50 operations' })
    expect(inspectUpdate(many, limits, 100)).toBeNull()
    expect(inspectUpdate(updateOf((doc) => doc.getMap('m').set('k', 'x'.repeat(11))), limits)).toMatchObject({ limit: expect.stringContaining('string') })
    expect(inspectUpdate(updateOf((doc) => doc.getMap('m').set('k'.repeat(11), 1)), limits)).toMatchObject({ limit: expect.stringContaining('key') })
    expect(inspectUpdate(updateOf((doc) => doc.getMap('m').set('k', { a: { b: { c: { d: { e: 1 } } } } })), limits)).toMatchObject({
      limit: 'a value nests deeper than 4 levels',
    })
    expect(inspectUpdate(updateOf((doc) => doc.getMap('m').set('sub', new Y.Doc())), limits)).toEqual({ limit: 'subdocuments are not accepted' })
  })
})
