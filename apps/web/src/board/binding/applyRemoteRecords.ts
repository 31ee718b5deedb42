import type { JsonRecord } from '@concord/shared'
import type { TLRecord, TLStore } from 'tldraw'
import { catalogProblem } from '../../shapes/catalogRecordCheck.ts'

/** A record a peer wrote that this client skipped. */
export interface RejectedRecord {
  id: string
  reason: string
}

export interface RemoteRecordChanges {
  /** Records to create or update, by id; null where the stored value is not shaped like a record. */
  put: Map<string, JsonRecord | null>
  removed: Iterable<string>
  isDocumentRecord(record: JsonRecord): boolean
  onRejected(rejected: RejectedRecord): void
}

// Containers before what they contain, so side effects that look up parents and targets find them.
const TYPE_ORDER = ['document', 'page', 'asset', 'user', 'shape', 'binding']
const typeRank = (record: JsonRecord) => {
  const rank = TYPE_ORDER.indexOf(record.typeName)
  return rank === -1 ? TYPE_ORDER.length : rank
}

/**
 * Applies records from Yjs to the store as remote changes, one record at a time: a record the local
 * schema rejects is skipped and reported and never keeps the others from arriving.
 */
export function applyRemoteRecords(store: TLStore, changes: RemoteRecordChanges): void {
  const candidates: JsonRecord[] = []
  const rejected: RejectedRecord[] = []
  for (const [id, record] of changes.put) {
    if (!record) rejected.push({ id, reason: 'not a record' })
    else if (!changes.isDocumentRecord(record)) rejected.push({ id, reason: `"${record.typeName}" is not board data` })
    else {
      const problem = catalogProblem(record)
      if (problem) rejected.push({ id, reason: problem })
      else candidates.push(record)
    }
  }
  candidates.sort((a, b) => typeRank(a) - typeRank(b))
  const removals = [...changes.removed].filter((id) => store.has(id as TLRecord['id']))

  if (candidates.length > 0 || removals.length > 0) {
    const batchRejections: RejectedRecord[] = []
    try {
      store.mergeRemoteChanges(() => {
        if (removals.length > 0) store.remove(removals as TLRecord['id'][])
        for (const record of candidates) {
          try {
            store.put([record as unknown as TLRecord])
          } catch (error) {
            batchRejections.push({ id: record.id, reason: describe(error) })
          }
        }
      })
      rejected.push(...batchRejections)
    } catch {
      // A side effect threw after the batch and the whole batch rolled back: retry record by record.
      rejected.push(...applyOneByOne(store, candidates, removals))
    }
  }

  for (const rejection of rejected) changes.onRejected(rejection)
}

function applyOneByOne(store: TLStore, candidates: JsonRecord[], removals: string[]): RejectedRecord[] {
  const rejected: RejectedRecord[] = []
  const attempt = (id: string, fn: () => void) => {
    try {
      store.mergeRemoteChanges(fn)
    } catch (error) {
      rejected.push({ id, reason: describe(error) })
    }
  }
  for (const id of removals) attempt(id, () => store.remove([id as TLRecord['id']]))
  for (const record of candidates) attempt(record.id, () => store.put([record as unknown as TLRecord]))
  return rejected
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
