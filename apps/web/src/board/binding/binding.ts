import {
  changedRecordIds,
  deleteRecord,
  getRecordsMap,
  readRecord,
  writeRecord,
  writeRecordChange,
  type JsonRecord,
  type YRecords,
} from '@concord/shared'
import type { TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { applyRemoteRecords, type RejectedRecord } from './applyRemoteRecords.ts'

/**
 * Binds a tldraw store to the `records` map of a board's Y.Doc, in both directions.
 *
 * Local user changes go to Yjs in one transaction per store batch, tagged with `origin` (so a
 * future per-user Y.UndoManager can track exactly this binding's writes); remote Yjs changes are
 * merged into the store as remote changes. Every read and write goes through the shared codec.
 */
export interface YjsBinding {
  /** The transaction origin of this binding's writes; unique per binding. */
  readonly origin: object
  /** Loads the records already in the document and starts syncing both ways. Idempotent. */
  start(): void
  /**
   * Seeds a board whose document has no records yet with the store's document records (tldraw's
   * default document and page have fixed ids, so clients seeding at once converge to one page).
   * Call only once the server's state is known (the provider's `synced`). Returns whether it seeded.
   */
  seedIfEmpty(): boolean
  /** Stops syncing. Idempotent. */
  stop(): void
}

export interface YjsBindingOptions {
  /** Called for each record a peer wrote that this client cannot accept; the record is skipped. */
  onRejected?(rejected: RejectedRecord): void
}

export function createYjsBinding(store: TLStore, doc: Y.Doc, options: YjsBindingOptions = {}): YjsBinding {
  const records = getRecordsMap(doc)
  const origin = { binding: 'concord-yjs' }
  const onRejected = options.onRejected ?? (() => {})
  let stopListening: (() => void) | null = null

  const isDocumentRecord = (record: { typeName: string }): boolean =>
    store.scopedTypes.document.has(record.typeName as TLRecord['typeName'])

  const onDocChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tx: Y.Transaction) => {
    if (tx.origin === origin) return
    // The store hands local changes to the binding once per frame. Hand over what is pending
    // first, so the records read below include it and putting them does not roll it back.
    store._flushHistory()
    const { put, removed } = changedRecordIds(records, events)
    applyRemoteRecords(store, { put: readRecords(put), removed, isDocumentRecord, onRejected })
  }

  const readRecords = (ids: Iterable<string>) => {
    const out = new Map<string, JsonRecord | null>()
    for (const id of ids) out.set(id, readRecord(records, id))
    return out
  }

  const writeLocal = (write: (target: YRecords) => void) => doc.transact(() => write(records), origin)

  return {
    origin,
    start() {
      if (stopListening) return
      applyRemoteRecords(store, { put: readRecords(records.keys()), removed: [], isDocumentRecord, onRejected })
      records.observeDeep(onDocChange)
      const unlisten = store.listen(
        ({ changes }) => {
          // The batch arrives a frame late: a peer's edit may have been merged since. Write only
          // what the local change touched, and do not delete what has come back meanwhile.
          writeLocal((target) => {
            for (const record of Object.values(changes.added)) writeRecord(target, asJson(record))
            for (const [prev, next] of Object.values(changes.updated)) {
              writeRecordChange(target, asJson(prev), asJson(next))
            }
            for (const record of Object.values(changes.removed)) {
              if (!store.has(record.id)) deleteRecord(target, record.id)
            }
          })
        },
        { source: 'user', scope: 'document' },
      )
      stopListening = () => {
        unlisten()
        records.unobserveDeep(onDocChange)
      }
    },
    seedIfEmpty() {
      if (records.size > 0) return false
      // Merging nothing makes the store create its defaults (document, first page) if missing.
      store.mergeRemoteChanges(() => {})
      const seed = store.allRecords().filter(isDocumentRecord)
      writeLocal((target) => {
        for (const record of seed) writeRecord(target, asJson(record))
      })
      return true
    },
    stop() {
      stopListening?.()
      stopListening = null
    },
  }
}

/** tldraw records are plain JSON objects; the codec takes them as such. */
function asJson(record: TLRecord): JsonRecord {
  return record as unknown as JsonRecord
}
