/**
 * Structural limits on what an editor may write into a board or review document. They bound the
 * memory and CPU one link holder can claim: every recursive walk stays shallow, no map or string
 * grows without end, and no single frame holds the event loop for long.
 */
export interface DocumentLimits {
  /** Nesting depth of maps and arrays, counted from the document root (a record's fields are at depth 2). */
  maxDepth: number
  /** Entries in one map or array other than the records map. */
  maxEntries: number
  /** Records (entries of the records map) in one document. */
  maxRecords: number
  /** Characters in one string value or map key. */
  maxStringLength: number
  /** Stored size of one document, in bytes: a write that would pass it is refused. */
  maxDocumentBytes: number
  /**
   * Structs (insertions) plus deleted ranges in one update frame. A sync step 2 may hold
   * `SYNC_STEP_ALLOWANCE` times as many: it carries everything a client did offline, cannot be
   * split, and a refusal would lock that client out for good.
   */
  maxStructsPerUpdate: number
}

export const SYNC_STEP_ALLOWANCE = 20

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxDepth: 32,
  maxEntries: 4096,
  maxRecords: 20_000,
  maxStringLength: 100_000,
  maxDocumentBytes: 32 * 1024 * 1024,
  maxStructsPerUpdate: 10_000,
}
