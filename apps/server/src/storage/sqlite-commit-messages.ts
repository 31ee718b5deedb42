import type { DocumentWrite } from './types.ts'

/** What the commit thread starts with. */
export interface CommitThreadData {
  /** The database file (already migrated by the main thread's connection). */
  path: string
  /** Test hook: a module whose default export runs inside a compaction (see `SqliteStorageOptions`). */
  betweenCompactionStepsModule?: string
}

/**
 * A group commit packed for `postMessage`: every update copied once into `bytes`, which is
 * transferred, not cloned (cloning many small arrays cost the event loop more than the copy).
 * A compaction's snapshot is one large array made for the commit: it is cloned as it is.
 */
export interface PackedWrites {
  /** Per document, in order, how many of the updates are its own. */
  documents: Array<{ name: string; updates: number; snapshot?: Uint8Array }>
  /** The end offset in `bytes` of each update, in order. */
  ends: Uint32Array<ArrayBuffer>
  bytes: ArrayBuffer
}

/** Main thread to commit thread: one group commit, or the end. */
export type CommitRequest = { id: number; writes: PackedWrites; close?: undefined } | { close: true }

/** Commit thread to main thread: the commit `id` is done, or failed with `error`. */
export interface CommitReply {
  id: number
  error?: { message: string; code?: string }
}

/**
 * Copies the updates of `writes` into fresh memory that nothing else references, so it can be
 * transferred: an update may be a view of a buffer others still read.
 */
export function packWrites(writes: DocumentWrite[]): PackedWrites {
  let total = 0
  let count = 0
  for (const { updates } of writes) {
    for (const update of updates) total += update.byteLength
    count += updates.length
  }
  const bytes = new Uint8Array(total)
  const ends = new Uint32Array(count)
  let offset = 0
  let index = 0
  const documents = writes.map(({ name, updates, snapshot }) => {
    for (const update of updates) {
      bytes.set(update, offset)
      offset += update.byteLength
      ends[index++] = offset
    }
    return { name, updates: updates.length, snapshot }
  })
  return { documents, ends, bytes: bytes.buffer }
}

/** The writes `packWrites` packed, their updates as views of its buffer. */
export function unpackWrites({ documents, ends, bytes }: PackedWrites): DocumentWrite[] {
  let index = 0
  const next = () => {
    const start = index === 0 ? 0 : ends[index - 1]!
    return new Uint8Array(bytes, start, ends[index++]! - start)
  }
  return documents.map(({ name, updates, snapshot }) => ({ name, updates: Array.from({ length: updates }, next), snapshot }))
}
