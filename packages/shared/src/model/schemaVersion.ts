import type * as Y from 'yjs'
import { isPlainObject } from './json.ts'
import { BOARD_FORMAT_VERSION, getBoardMap } from './layout.ts'

/**
 * Which versions of the record schema a board's records were written with, kept in the `board`
 * map under `schema`: tldraw's serialized schema (a version per migration sequence, shape types
 * included), and later Concord's catalog as one more sequence. A client migrates a board whose
 * versions are older than its own and refuses to touch one whose versions are newer.
 */
export const SCHEMA_KEY = 'schema'

export interface StoredSchema {
  schemaVersion: number
  /** Migration sequence id to the last migration applied, e.g. `com.tldraw.shape.geo: 12`. */
  sequences: Record<string, number>
}

/**
 * - current: written with exactly this client's versions
 * - older: some sequence is behind this client's (or unknown to the board): migrate on load
 * - newer: some sequence is ahead of this client's or unknown to it, or the Yjs layout itself is
 *   newer: this client must not write to the board
 */
export type SchemaAge = 'current' | 'older' | 'newer'

export function isStoredSchema(value: unknown): value is StoredSchema {
  if (!isPlainObject(value) || typeof value.schemaVersion !== 'number' || !isPlainObject(value.sequences)) return false
  return Object.values(value.sequences).every((version) => typeof version === 'number')
}

/** Compares the schema a board was written with to this client's schema. */
export function compareSchemas(stored: StoredSchema, local: StoredSchema): SchemaAge {
  if (stored.schemaVersion > local.schemaVersion) return 'newer'
  let older = stored.schemaVersion < local.schemaVersion
  for (const [sequence, version] of Object.entries(stored.sequences)) {
    const localVersion = local.sequences[sequence]
    if (localVersion === undefined || version > localVersion) return 'newer'
    if (version < localVersion) older = true
  }
  for (const sequence of Object.keys(local.sequences)) {
    if (!(sequence in stored.sequences)) older = true
  }
  return older ? 'older' : 'current'
}

/** The schema a board was written with, or null for a board that predates schema recording. */
export function readStoredSchema(doc: Y.Doc): StoredSchema | null {
  const value = getBoardMap(doc).get(SCHEMA_KEY)
  return isStoredSchema(value) ? value : null
}

/** How the board's records compare to this client's schema, the Yjs layout version included. */
export function boardSchemaAge(doc: Y.Doc, local: StoredSchema): SchemaAge | 'unrecorded' {
  const format = getBoardMap(doc).get('formatVersion')
  if (typeof format === 'number' && format > BOARD_FORMAT_VERSION) return 'newer'
  const stored = readStoredSchema(doc)
  return stored ? compareSchemas(stored, local) : 'unrecorded'
}

/** Records that the board's records are now written with `schema`. */
export function writeStoredSchema(doc: Y.Doc, schema: StoredSchema, origin: unknown): void {
  doc.transact(() => getBoardMap(doc).set(SCHEMA_KEY, { schemaVersion: schema.schemaVersion, sequences: { ...schema.sequences } }), origin)
}
