import {
  boardSchemaAge,
  getRecordsMap,
  readAllRecords,
  readStoredSchema,
  writeStoredSchema,
  type JsonRecord,
  type StoredSchema,
} from '@concord/shared'
import type { SerializedSchema, TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'
import type { RejectedRecord } from '../binding/applyRemoteRecords.ts'
import type { YjsBinding } from '../binding/binding.ts'

/** This client's record schema, as boards record it. */
export function localSchema(store: TLStore): StoredSchema {
  return store.schema.serialize() as StoredSchema
}

export type SchemaPreparation =
  | { outcome: 'ready'; migrated: number; failed: RejectedRecord[] }
  /** A newer version of Concord wrote the board: this client must not bind to it. */
  | { outcome: 'newer' }

/**
 * Brings a board's records up to this client's schema before the store loads them: a board written
 * by an older version is migrated in Yjs (as one derived change, not an undo step, identical on
 * every client that does it, so clients migrating at once converge) and then records the current
 * schema. A board that predates schema recording was written by the only schema that existed then,
 * the current one. Records that cannot be migrated are left as they are and reported.
 */
export function prepareBoardRecords(doc: Y.Doc, store: TLStore, binding: YjsBinding): SchemaPreparation {
  const local = localSchema(store)
  const age = boardSchemaAge(doc, local)
  if (age === 'newer') return { outcome: 'newer' }
  const stored = readStoredSchema(doc)
  const { migrated, failed } = age === 'older' && stored ? migrateRecords(store, readAllRecords(getRecordsMap(doc)), stored) : { migrated: [], failed: [] }
  if (migrated.length > 0) binding.writeDerived(migrated)
  // A read-only client migrates for itself and leaves recording the schema to one that may write.
  if (age !== 'current' && getRecordsMap(doc).size > 0 && binding.canWrite()) recordSchema(doc, store, binding)
  return { outcome: 'ready', migrated: migrated.length, failed }
}

/** Records written with `schema` (older than or equal to this client's), brought up to this client's schema. */
export function migrateRecords(store: TLStore, records: JsonRecord[], schema: StoredSchema): { migrated: JsonRecord[]; failed: RejectedRecord[] } {
  const migrated: JsonRecord[] = []
  const failed: RejectedRecord[] = []
  for (const record of records) {
    const result = store.schema.migratePersistedRecord(record as unknown as TLRecord, schema as SerializedSchema)
    if (result.type === 'success') migrated.push(result.value as unknown as JsonRecord)
    else failed.push({ id: record.id, reason: `cannot migrate from the board’s schema: ${result.reason}` })
  }
  return { migrated, failed }
}

/** Records that the board's records are written with this client's schema. */
export function recordSchema(doc: Y.Doc, store: TLStore, binding: YjsBinding): void {
  writeStoredSchema(doc, localSchema(store), binding.derivedOrigin)
}
