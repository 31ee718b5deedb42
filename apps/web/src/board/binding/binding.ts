import {
  changedRecordIds,
  deleteRecord,
  fillMissing,
  getRecordsMap,
  jsonEqual,
  readRecord,
  writeRecord,
  writeRecordChange,
  type JsonRecord,
} from '@concord/shared'
import type { RecordsDiff, TLRecord, TLStore } from 'tldraw'
import * as Y from 'yjs'
import { applyRemoteRecords, type RejectedRecord } from './applyRemoteRecords.ts'
import { LocalWriteQueue } from './localWriteQueue.ts'
import { RejectionReporter } from './rejectionReporter.ts'
import { RemoteMotion } from './remoteMotion.ts'

/**
 * Binds a tldraw store to the `records` map of a board's Y.Doc, in both directions.
 *
 * Local user changes go to Yjs through a write queue that bounds the write rate during gestures,
 * tagged with `origin` so the per-user undo manager tracks exactly this user's edits. Writes that
 * are not the user's own edits (migrations, recording the schema, tldraw's fix-ups after a remote
 * merge) are tagged `derivedOrigin` and are not undoable. Remote Yjs changes, including this
 * user's undo and redo, are merged into the store as remote changes. Every read and write goes
 * through the shared codec.
 */
export interface YjsBinding {
  /** The transaction origin of the local user's edits; unique per binding. */
  readonly origin: object
  /** The transaction origin of this binding's other writes (never undone by the user). */
  readonly derivedOrigin: object
  /** Loads the records already in the document and starts syncing both ways. Idempotent. */
  start(): void
  /** Writes the local changes still waiting in the store or the write queue to Yjs now. */
  flush(): void
  /** Whether this client may write the board now (see `YjsBindingOptions.canWrite`). */
  canWrite(): boolean
  /**
   * Writes records on behalf of the board rather than the user (migrations), into the store too
   * once started. A client that may not write keeps them in its store only.
   */
  writeDerived(records: JsonRecord[]): void
  /**
   * Stops syncing, after writing what is pending unless `writePending` is false (the board has
   * moved to a newer schema and pending changes in this client's schema must not reach it). Idempotent.
   */
  stop(options?: { writePending?: boolean }): void
}

export interface YjsBindingOptions {
  /** Called for each record a peer wrote that this client cannot accept; the record is skipped. */
  onRejected?(rejected: RejectedRecord): void
  /** Minimum time between two document writes while local changes keep coming. */
  writeIntervalMs?: number
  /**
   * Whether this client may write the board (false for reviewer and viewer links, and while the
   * owner's lock holds). When false, nothing reaches Yjs: what tldraw writes on its own (its user
   * record, fix-ups) stays in the store, since the server would refuse it and the tab would then
   * hold a change that never syncs. Always true when not given.
   */
  canWrite?(): boolean
}

export function createYjsBinding(store: TLStore, doc: Y.Doc, options: YjsBindingOptions = {}): YjsBinding {
  const records = getRecordsMap(doc)
  const canWrite = options.canWrite ?? (() => true)
  const origin = { binding: 'concord-yjs' }
  const derivedOrigin = { binding: 'concord-yjs-derived' }
  const rejections = new RejectionReporter(options.onRejected ?? (() => {}), (id) => {
    const stored = readRecord(records, id)
    const held = store.get(id as TLRecord['id'])
    // A key whose value cannot be read as a record (nested too deep, say) stays unresolved.
    return stored === null ? held === undefined && !records.has(id) : jsonEqual(stored, held)
  })
  const onRejected = (rejected: RejectedRecord) => rejections.add(rejected)
  let stopListening: ((writePending: boolean) => void) | null = null
  /** Set while the store hands over changes its side effects made in answer to a remote merge. */
  let handingOverDerived = false
  /**
   * The last version of each record this user deleted. Undoing a delete brings back the fields
   * the delete removed, but not one a peer overwrote concurrently (its value died with the
   * record), so a restored record can come back incomplete; it is completed from this version.
   */
  const deletedByUser = new Map<string, JsonRecord>()

  const isDocumentRecord = (record: { typeName: string }): boolean =>
    store.scopedTypes.document.has(record.typeName as TLRecord['typeName'])

  /** Derived records a client that may not write keeps to itself, until a peer writes them. */
  const heldLocally = new Map<string, JsonRecord>()

  const writeDiff = (diff: RecordsDiff<TLRecord>, txOrigin: object) => {
    if (!canWrite()) return
    doc.transact(() => {
      for (const record of Object.values(diff.added)) writeRecord(records, asJson(record))
      // The diff may be a few frames old: a peer's edit may have been merged since. Write only
      // what the local change touched, and do not delete what has come back meanwhile.
      for (const [prev, next] of Object.values(diff.updated)) writeRecordChange(records, asJson(prev), asJson(next))
      for (const record of Object.values(diff.removed)) {
        if (store.has(record.id)) continue
        deleteRecord(records, record.id)
        if (txOrigin === origin) deletedByUser.set(record.id, asJson(record))
      }
    }, txOrigin)
  }

  const queue = new LocalWriteQueue((diff) => writeDiff(diff, origin), options.writeIntervalMs)

  const flush = () => {
    store._flushHistory()
    queue.flush()
  }

  /**
   * tldraw's side effects answer a merge with local changes (arrow and binding fix-ups). They are
   * derived from the merge, not the user's edits: write them now, outside the undo stack.
   */
  const handOverDerived = () => {
    handingOverDerived = true
    try {
      store._flushHistory()
    } finally {
      handingOverDerived = false
    }
  }
  const motion = new RemoteMotion(store, handOverDerived)

  const onDocChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tx: Y.Transaction) => {
    if (tx.origin === origin || tx.origin === derivedOrigin) return
    try {
      applyDocChange(events, tx)
    } catch (error) {
      // A peer's change this client cannot take must not stop the next ones: Yjs would rethrow
      // it into the provider, which swallows it. Reported once per change.
      options.onRejected?.({ id: 'remote change', reason: error instanceof Error ? error.message : String(error) })
    }
  }

  const applyDocChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tx: Y.Transaction) => {
    // Local changes still on their way to Yjs go first, so the records read below include them
    // and putting those records does not roll the local changes back.
    flush()
    const { put, removed } = changedRecordIds(records, events)
    for (const id of [...put, ...removed]) heldLocally.delete(id)
    const incoming = readRecords(put)
    // Peers' moves glide into place; this user's own undo and redo apply at once.
    if (!tx.local) motion.prepare(incoming)
    const rejected: RejectedRecord[] = []
    applyRemoteRecords(store, { put: incoming, removed, isDocumentRecord, onRejected: (r) => rejected.push(r) })
    const unresolved = tx.origin instanceof Y.UndoManager ? completeRestored(rejected) : rejected
    for (const rejection of unresolved) onRejected(rejection)
    handOverDerived()
  }

  /** Completes records this user's undo restored without some field; returns the rejections it could not resolve. */
  const completeRestored = (rejected: RejectedRecord[]): RejectedRecord[] => {
    const completed = new Map<string, JsonRecord | null>()
    for (const { id } of rejected) {
      const stored = readRecord(records, id)
      const lastVersion = deletedByUser.get(id)
      if (stored && lastVersion) completed.set(id, fillMissing(stored, lastVersion) as JsonRecord)
    }
    if (completed.size === 0) return rejected
    doc.transact(() => {
      for (const record of completed.values()) writeRecord(records, record!)
    }, derivedOrigin)
    const stillRejected: RejectedRecord[] = []
    applyRemoteRecords(store, { put: completed, removed: [], isDocumentRecord, onRejected: (r) => stillRejected.push(r) })
    return [...rejected.filter(({ id }) => !completed.has(id)), ...stillRejected]
  }

  const readRecords = (ids: Iterable<string>) => {
    const out = new Map<string, JsonRecord | null>()
    for (const id of ids) out.set(id, heldLocally.get(id) ?? readRecord(records, id))
    return out
  }

  return {
    origin,
    derivedOrigin,
    start() {
      if (stopListening) return
      applyRemoteRecords(store, { put: readRecords(records.keys()), removed: [], isDocumentRecord, onRejected })
      records.observeDeep(onDocChange)
      const unlisten = store.listen(
        ({ changes }) => {
          if (handingOverDerived) writeDiff(changes, derivedOrigin)
          else queue.push(changes)
        },
        { source: 'user', scope: 'document' },
      )
      stopListening = (writePending) => {
        if (writePending) flush()
        else queue.discard()
        unlisten()
        records.unobserveDeep(onDocChange)
        motion.finish()
        rejections.flush()
      }
    },
    flush,
    canWrite,
    writeDerived(written) {
      if (canWrite()) {
        doc.transact(() => {
          for (const record of written) writeRecord(records, record)
        }, derivedOrigin)
      } else {
        for (const record of written) heldLocally.set(record.id, record)
      }
      // Once bound, the store takes them too (the document observer skips this binding's own writes).
      if (stopListening) applyRemoteRecords(store, { put: readRecords(written.map((record) => record.id)), removed: [], isDocumentRecord, onRejected })
    },
    stop({ writePending = true } = {}) {
      stopListening?.(writePending)
      stopListening = null
    },
  }
}

/** tldraw records are plain JSON objects; the codec takes them as such. */
function asJson(record: TLRecord): JsonRecord {
  return record as unknown as JsonRecord
}
