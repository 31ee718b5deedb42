import type { DocumentWrite } from './types.ts'

/** What the commit thread starts with. */
export interface CommitThreadData {
  /** The database file (already migrated by the main thread's connection). */
  path: string
  /** Test hook: a module whose default export runs inside a compaction (see `SqliteStorageOptions`). */
  betweenCompactionStepsModule?: string
}

/** Main thread to commit thread: one group commit, or the end. */
export type CommitRequest = { id: number; writes: DocumentWrite[]; close?: undefined } | { close: true }

/** Commit thread to main thread: the commit `id` is done, or failed with `error`. */
export interface CommitReply {
  id: number
  error?: { message: string; code?: string }
}
