import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_FORMAT_VERSION, getBoardMap } from './layout.ts'
import { boardSchemaAge, compareSchemas, readStoredSchema, writeStoredSchema, type StoredSchema } from './schemaVersion.ts'

const local: StoredSchema = { schemaVersion: 2, sequences: { 'com.tldraw.store': 5, 'com.tldraw.shape.geo': 12 } }
const withSequences = (sequences: Record<string, number>, schemaVersion = 2): StoredSchema => ({ schemaVersion, sequences })

describe('schema versions', () => {
  it('compares a board’s schema to the local one', () => {
    expect(compareSchemas(local, local)).toBe('current')
    expect(compareSchemas(withSequences({ 'com.tldraw.store': 5, 'com.tldraw.shape.geo': 9 }), local)).toBe('older')
    // A sequence the board has never seen (a shape type added since) makes it older too.
    expect(compareSchemas(withSequences({ 'com.tldraw.store': 5 }), local)).toBe('older')
    expect(compareSchemas(withSequences({ 'com.tldraw.store': 5, 'com.tldraw.shape.geo': 13 }), local)).toBe('newer')
    // A sequence this client does not know (a newer shape type) means a newer writer.
    expect(compareSchemas(withSequences({ ...local.sequences, 'com.concord.catalog': 1 }), local)).toBe('newer')
    expect(compareSchemas(withSequences(local.sequences, 3), local)).toBe('newer')
    // Newer anywhere wins over older elsewhere: migrating would lose what the newer writer added.
    expect(compareSchemas(withSequences({ 'com.tldraw.store': 4, 'com.tldraw.shape.geo': 13 }), local)).toBe('newer')
  })

  it('stores the schema in the board map and reads the board’s age from it', () => {
    const doc = new Y.Doc()
    expect(readStoredSchema(doc)).toBeNull()
    expect(boardSchemaAge(doc, local)).toBe('unrecorded')
    writeStoredSchema(doc, withSequences({ 'com.tldraw.store': 5, 'com.tldraw.shape.geo': 9 }), null)
    expect(boardSchemaAge(doc, local)).toBe('older')
    writeStoredSchema(doc, local, null)
    expect(readStoredSchema(doc)).toEqual(local)
    expect(boardSchemaAge(doc, local)).toBe('current')
    getBoardMap(doc).set('formatVersion', BOARD_FORMAT_VERSION + 1)
    expect(boardSchemaAge(doc, local)).toBe('newer')
  })

  it('ignores a malformed schema value', () => {
    const doc = new Y.Doc()
    getBoardMap(doc).set('schema', { schemaVersion: 2, sequences: { 'com.tldraw.store': 'five' } })
    expect(readStoredSchema(doc)).toBeNull()
  })
})
