import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deleteRecord, writeRecord, writeRecordChange, type JsonRecord } from './codec.ts'
import { changesDesign } from './design-changes.ts'
import { getBoardMap, getRecordsMap } from './layout.ts'

const page: JsonRecord = { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} }
const documentRecord: JsonRecord = { id: 'document:document', typeName: 'document', name: '', gridSize: 10, meta: {} }
const shape: JsonRecord = {
  id: 'shape:a',
  typeName: 'shape',
  type: 'geo',
  x: 0,
  y: 0,
  rotation: 0,
  parentId: 'page:page',
  index: 'a1',
  props: { w: 100, h: 80, color: 'black', extra: { nested: { depth: 2 } } },
  meta: {},
}

/** Records, per transaction, whether it changed a design record. */
function watch(doc: Y.Doc): boolean[] {
  const records = getRecordsMap(doc)
  const verdicts: boolean[] = []
  records.observeDeep((events) => verdicts.push(changesDesign(records, events)))
  return verdicts
}

describe('changesDesign', () => {
  it('is false for what opening a board writes: the document, a page, the board metadata', () => {
    const doc = new Y.Doc()
    const verdicts = watch(doc)
    doc.transact(() => {
      writeRecord(getRecordsMap(doc), documentRecord)
      writeRecord(getRecordsMap(doc), page)
    })
    writeRecordChange(getRecordsMap(doc), documentRecord, { ...documentRecord, name: 'Team 3' })
    getBoardMap(doc).set('schema', { schemaVersion: 2 })
    expect(verdicts).toEqual([false, false])
  })

  it('is true for a shape created, changed deep inside its props, or deleted, and for bindings and assets', () => {
    const doc = new Y.Doc()
    const records = getRecordsMap(doc)
    writeRecord(records, shape)
    const verdicts = watch(doc)
    writeRecordChange(records, shape, { ...shape, props: { ...shape.props as object, extra: { nested: { depth: 3 } } } })
    deleteRecord(records, shape.id)
    writeRecord(records, { id: 'binding:b', typeName: 'binding', type: 'arrow', fromId: 'shape:x', toId: 'shape:y', props: {}, meta: {} })
    writeRecord(records, { id: 'asset:c', typeName: 'asset', type: 'image', props: {}, meta: {} })
    expect(verdicts).toEqual([true, true, true, true])
  })

  it('is true for one transaction that touches a page and a shape together', () => {
    const doc = new Y.Doc()
    const verdicts = watch(doc)
    doc.transact(() => {
      writeRecord(getRecordsMap(doc), page)
      writeRecord(getRecordsMap(doc), shape)
    })
    expect(verdicts).toEqual([true])
  })
})
