import type { Logger } from 'pino'
import type { ConcordMetrics } from '../metrics.ts'
import type { DocumentWrite, Storage } from '../storage/types.ts'

export interface GroupCommitTiming {
  /** How long the first pending update waits for others to share its transaction. */
  intervalMs: number
  /** First retry delay after a failed commit; doubles per failure up to `maxRetryMs`. */
  firstRetryMs: number
  maxRetryMs: number
}

export const DEFAULT_TIMING: GroupCommitTiming = { intervalMs: 5, firstRetryMs: 50, maxRetryMs: 5000 }

/** Bytes of updates the queue holds at most while storage fails (`STORAGE_QUEUE_MB`). */
export const DEFAULT_QUEUE_LIMIT_BYTES = 256 * 1024 * 1024

interface PendingDocument {
  updates: Uint8Array[]
  /** Encodes the document's full state at commit time; set when a compaction is due. */
  snapshot?: () => Uint8Array
}

/**
 * Write-through update log with group commit. Updates are numbered as they arrive; every few
 * milliseconds all pending ones (of every document) go to storage in one transaction, and
 * `committed` advances to the last number written. A failed commit is logged and retried with
 * backoff, keeping its updates in order ahead of newer ones, and `committed` stays put: what
 * waits for it (acknowledgements) keeps waiting.
 */
export class GroupCommit {
  private pending = new Map<string, PendingDocument>()
  /**
   * The batch being written: taken from `pending`, not committed yet. With SQLite's commit thread
   * (and PostgreSQL) it stays in flight across event-loop turns, while a document may load.
   */
  private writing: Map<string, PendingDocument> | undefined
  private enqueuedSeq = 0
  private committedSeq = 0
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private failures = 0
  private closed = false
  /** Bytes of the updates in `pending` (the running batch's included until it is committed). */
  private queuedBytes = 0
  private readonly listeners = new Set<(committed: number) => void>()
  private readonly failingListeners = new Set<(failing: boolean) => void>()

  constructor(
    private readonly storage: Storage,
    private readonly metrics: ConcordMetrics,
    private readonly log: Logger,
    private readonly timing: GroupCommitTiming = DEFAULT_TIMING,
    private readonly queueLimitBytes = DEFAULT_QUEUE_LIMIT_BYTES,
  ) {}

  /** Number of the last update appended. */
  get enqueued(): number {
    return this.enqueuedSeq
  }

  /** Number of the last update known to be in storage. */
  get committed(): number {
    return this.committedSeq
  }

  /** Whether the last commit failed (and a retry is scheduled). */
  get failing(): boolean {
    return this.failures > 0
  }

  /**
   * Whether the queue holds its limit of bytes (only possible while storage fails): new edits
   * must be refused, since nothing more can be kept for storage.
   */
  get full(): boolean {
    return this.queuedBytes >= this.queueLimitBytes
  }

  /** Calls `listener` when commits start failing (true) and when one succeeds again (false). */
  onFailingChange(listener: (failing: boolean) => void): () => void {
    this.failingListeners.add(listener)
    return () => this.failingListeners.delete(listener)
  }

  /** Updates waiting for a commit, the one in flight included. */
  get pendingUpdates(): number {
    let count = 0
    for (const batch of [this.writing, this.pending]) for (const document of batch?.values() ?? []) count += document.updates.length
    return count
  }

  /**
   * The updates of `name` not committed yet, in order, the commit in flight included (a document
   * loading again needs them: storage does not hold them until that commit ends).
   */
  pendingFor(name: string): Uint8Array[] {
    return [...(this.writing?.get(name)?.updates ?? []), ...(this.pending.get(name)?.updates ?? [])]
  }

  /** Queues an update for the next commit; returns its number. */
  append(name: string, update: Uint8Array): number {
    this.entry(name).updates.push(update)
    this.queuedBytes += update.byteLength
    this.schedule(this.timing.intervalMs)
    return ++this.enqueuedSeq
  }

  /**
   * Makes the next commit replace `name`'s log by the snapshot `encode` returns then. Resolves
   * once it is committed. `encode` must cover every update ever appended for `name`.
   */
  compact(name: string, encode: () => Uint8Array): Promise<void> {
    this.entry(name).snapshot = encode
    const seq = ++this.enqueuedSeq
    this.schedule(this.timing.intervalMs)
    return this.whenCommitted(seq)
  }

  /** Drops a pending snapshot of `name` (its document is gone); its updates stay queued. */
  cancelCompaction(name: string): void {
    const document = this.pending.get(name)
    if (document) delete document.snapshot
  }

  /** Resolves once update number `seq` is committed. */
  whenCommitted(seq: number): Promise<void> {
    if (this.committedSeq >= seq) return Promise.resolve()
    return new Promise((resolve) => {
      const listener = (committed: number) => {
        if (committed < seq) return
        this.listeners.delete(listener)
        resolve()
      }
      this.listeners.add(listener)
    })
  }

  /** Calls `listener` after every successful commit with the new `committed`. */
  onCommit(listener: (committed: number) => void): void {
    this.listeners.add(listener)
  }

  /** Shutdown: commits what is pending (one last attempt), then schedules nothing more. */
  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.timer)
    this.timer = undefined
    await this.running
    await this.commit()
  }

  private entry(name: string): PendingDocument {
    let document = this.pending.get(name)
    if (!document) {
      document = { updates: [] }
      this.pending.set(name, document)
    }
    return document
  }

  private schedule(delayMs: number): void {
    // While failing, the retry timer decides; new updates do not hammer a broken database.
    if (this.closed || this.timer !== undefined || this.running !== undefined) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.running = this.commit().finally(() => {
        this.running = undefined
        if (this.pending.size > 0) this.schedule(this.failures > 0 ? this.retryDelay() : this.timing.intervalMs)
      })
    }, delayMs)
  }

  private retryDelay(): number {
    return Math.min(this.timing.maxRetryMs, this.timing.firstRetryMs * 2 ** (this.failures - 1))
  }

  private async commit(): Promise<void> {
    if (this.pending.size === 0) return
    const batch = this.pending
    const upTo = this.enqueuedSeq
    this.pending = new Map()
    const writes: DocumentWrite[] = []
    let updates = 0
    for (const [name, document] of batch) {
      writes.push({ name, updates: document.updates, snapshot: this.encodeSnapshot(name, document) })
      updates += document.updates.length
    }
    const started = performance.now()
    this.writing = batch
    try {
      await this.storage.writeDocuments(writes)
    } catch (error) {
      this.writing = undefined
      this.requeue(batch)
      this.failures++
      if (this.failures === 1) this.tellFailing(true)
      this.metrics.commitFailures.inc()
      this.log.error(
        { err: error, documents: batch.size, updates, failures: this.failures, retryInMs: this.retryDelay() },
        'commit failed: updates kept and not acknowledged; retrying',
      )
      return
    }
    this.writing = undefined
    this.metrics.commitDuration.observe((performance.now() - started) / 1000)
    this.metrics.commitUpdates.observe(updates)
    for (const write of writes) for (const update of write.updates) this.queuedBytes -= update.byteLength
    if (this.failures > 0) {
      this.log.warn({ failures: this.failures, updates }, 'commit succeeded again after failures')
      this.failures = 0
      this.tellFailing(false)
    }
    this.committedSeq = upTo
    for (const listener of [...this.listeners]) {
      // On the commit timer's path: a failing listener must not stop the others or the timer.
      try {
        listener(upTo)
      } catch (error) {
        this.log.error({ err: error }, 'a commit listener failed')
      }
    }
  }

  private tellFailing(failing: boolean): void {
    for (const listener of this.failingListeners) {
      try {
        listener(failing)
      } catch (error) {
        this.log.error({ err: error }, 'a storage status listener failed')
      }
    }
  }

  private encodeSnapshot(name: string, document: PendingDocument): Uint8Array | undefined {
    try {
      return document.snapshot?.()
    } catch (error) {
      // The log stays as it is; a later compaction will try again.
      this.log.error({ err: error, documentName: name }, 'could not encode a snapshot; compaction skipped')
      return undefined
    }
  }

  /** Puts a failed batch back ahead of what arrived since, so each log keeps its order. */
  private requeue(batch: Map<string, PendingDocument>): void {
    for (const [name, newer] of this.pending) {
      const older = batch.get(name)
      if (!older) {
        batch.set(name, newer)
        continue
      }
      older.updates.push(...newer.updates)
      older.snapshot = newer.snapshot ?? older.snapshot
    }
    this.pending = batch
  }
}
