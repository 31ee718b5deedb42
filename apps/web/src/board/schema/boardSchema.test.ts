import { boardSchemaAge, getRecordsMap, readRecord, readStoredSchema, writeRecord, writeStoredSchema, type JsonObject, type JsonRecord, type StoredSchema } from '@concord/shared'
import { createShapeId, toRichText, type TLGeoShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { afterThisTest, openBoardClient } from '../../test/boardClient.ts'
import { createTestStore } from '../../test/headlessEditor.ts'
import { linkDocs } from '../../test/linkedDocs.ts'
import { createYjsBinding } from '../binding/binding.ts'
import { localSchema, prepareBoardRecords } from './boardSchema.ts'

const GEO = 'com.tldraw.shape.geo'
const label = createShapeId('label')

/** A board as a Concord built on an older tldraw wrote it: geo shapes at version 9, before rich text. */
function boardFromOlderVersion(): Y.Doc {
  const writer = openBoardClient({ seed: true })
  writer.editor.createShape({ id: label, type: 'geo', x: 10, y: 20, props: { w: 200, h: 80 } })
  writer.binding.flush()
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer.doc))
  const current = readRecord(getRecordsMap(doc), label)!
  const { richText: _richText, flipX: _flipX, flipY: _flipY, ...olderProps } = current.props as Record<string, never>
  doc.transact(() => {
    getRecordsMap(doc).delete(label)
    writeRecord(getRecordsMap(doc), { ...current, props: { ...olderProps, text: 'Primary database' } } as JsonRecord)
  })
  const schema = localSchema(writer.store)
  writeStoredSchema(doc, { ...schema, sequences: { ...schema.sequences, [GEO]: 9 } }, null)
  return doc
}

/** Opens a board the way the session does: prepare the records, then bind. */
function open(doc: Y.Doc) {
  const store = createTestStore()
  const binding = createYjsBinding(store, doc)
  const preparation = prepareBoardRecords(doc, store, binding)
  if (preparation.outcome === 'ready') binding.start()
  afterThisTest(() => binding.stop())
  return { store, binding, preparation }
}

describe('board schema versions', () => {
  it('migrates a board written by an older version on load, in Yjs, and records the current schema', () => {
    const doc = boardFromOlderVersion()
    const { store, preparation } = open(doc)
    expect(preparation).toMatchObject({ outcome: 'ready', failed: [] })
    const shape = store.get(label) as TLGeoShape
    expect(shape.props.richText).toEqual(toRichText('Primary database'))
    expect(shape.props.flipX).toBe(false)
    const stored = readRecord(getRecordsMap(doc), label)!
    expect(stored.props).not.toHaveProperty('text')
    expect(stored.props).toMatchObject({ richText: toRichText('Primary database') })
    expect(readStoredSchema(doc)).toEqual(localSchema(store))
  })

  it('migrates what a restore of a version from before an upgrade brings into an open board', () => {
    const older = boardFromOlderVersion()
    const versionRecord = readRecord(getRecordsMap(older), label)!
    const versionSchema = readStoredSchema(older)!
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(older))
    const { store, binding } = open(doc)
    expect(boardSchemaAge(doc, localSchema(store))).toBe('current')

    // The server restores the version: its records as they were stored, and the schema they were written with.
    doc.transact(() => {
      writeRecord(getRecordsMap(doc), { ...versionRecord, props: { ...(versionRecord.props as JsonObject), text: 'Restored database' } })
      writeStoredSchema(doc, versionSchema, null)
    }, 'server')
    expect(boardSchemaAge(doc, localSchema(store))).toBe('older')
    // What the open board does when its schema turns older.
    expect(prepareBoardRecords(doc, store, binding)).toMatchObject({ outcome: 'ready', migrated: expect.any(Number), failed: [] })
    expect((store.get(label) as TLGeoShape).props.richText).toEqual(toRichText('Restored database'))
    expect(readRecord(getRecordsMap(doc), label)!.props).toMatchObject({ richText: toRichText('Restored database') })
    expect(readStoredSchema(doc)).toEqual(localSchema(store))
  })

  it('two clients migrating the same old board at once converge to one migrated board', () => {
    const original = boardFromOlderVersion()
    const [docA, docB] = [new Y.Doc(), new Y.Doc()]
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(original))
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(original))
    const a = open(docA)
    const b = open(docB)
    linkDocs(docA, docB)
    expect(getRecordsMap(docA).toJSON()).toEqual(getRecordsMap(docB).toJSON())
    expect(a.store.get(label)).toEqual(b.store.get(label))
  })

  it('migrates components written with an older catalog and keeps their values', () => {
    const writer = openBoardClient({ seed: true })
    writer.binding.flush()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer.doc))
    const db = createShapeId('db')
    const page = readRecord(getRecordsMap(doc), 'page:page')!
    // A component as catalog version 1 stored it: one replica count, and "strong" consistency.
    doc.transact(() =>
      writeRecord(getRecordsMap(doc), {
        id: db,
        typeName: 'shape',
        type: 'component',
        parentId: page.id,
        index: 'a1',
        x: 0,
        y: 0,
        rotation: 0,
        isLocked: false,
        opacity: 1,
        meta: {},
        props: {
          kind: 'relational-db',
          name: 'Orders',
          w: 180,
          h: 100,
          properties: { replicas: 3, consistency: 'strong' },
          rationale: { replicas: 'One per zone.' },
        },
      } as JsonRecord),
    )
    const schema = localSchema(writer.store)
    writeStoredSchema(doc, { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.component': 1 } }, null)

    const { store, preparation } = open(doc)
    expect(preparation).toMatchObject({ outcome: 'ready', failed: [] })
    expect(store.get(db)).toMatchObject({
      props: {
        properties: { replicasDesired: 3, consistency: 'linearizable' },
        rationale: { replicasDesired: 'One per zone.' },
      },
    })
    expect(readStoredSchema(doc)!.sequences['com.tldraw.shape.component']).toBe(localSchema(store).sequences['com.tldraw.shape.component'])
  })

  it('leaves a board written by a newer version untouched', () => {
    const doc = boardFromOlderVersion()
    const schema = localSchema(createTestStore())
    const newer: StoredSchema = { ...schema, sequences: { ...schema.sequences, [GEO]: schema.sequences[GEO]! + 1 } }
    writeStoredSchema(doc, newer, null)
    const before = Y.encodeStateAsUpdate(doc)
    const { store, preparation } = open(doc)
    expect(preparation.outcome).toBe('newer')
    expect(store.has(label)).toBe(false)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})

describe('the design record types in the board schema', () => {
  it('are recorded with the board, so a client from before them refuses it as newer instead of breaking', () => {
    const schema = localSchema(createTestStore())
    expect(schema.sequences).toMatchObject({ 'com.tldraw.design_goal': 0, 'com.tldraw.design_decision': 0 })
    const { 'com.tldraw.design_goal': _goal, 'com.tldraw.design_decision': _decision, ...before } = schema.sequences
    const doc = new Y.Doc()
    writeStoredSchema(doc, schema, null)
    expect(boardSchemaAge(doc, { ...schema, sequences: before })).toBe('newer')
    // And a board from before them is merely older for this client: it records the types on load.
    writeStoredSchema(doc, { ...schema, sequences: before }, null)
    expect(boardSchemaAge(doc, schema)).toBe('older')
  })
})
