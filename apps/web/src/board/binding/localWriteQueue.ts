import { isRecordsDiffEmpty, squashRecordDiffs, type RecordsDiff, type TLRecord } from 'tldraw'

const emptyDiff = (): RecordsDiff<TLRecord> => ({ added: {}, updated: {}, removed: {} })

/** Document writes per second at most while changes keep coming (a drag, a resize). */
export const LOCAL_WRITES_PER_SECOND = 8

/**
 * Coalesces the store's local changes before they are written to Yjs. The first change after a
 * quiet spell is written at once (a click or a style change costs no latency); changes that follow
 * within the interval are squashed and written together at its end, so a gesture writes at most
 * `LOCAL_WRITES_PER_SECOND` times a second and its final state exactly once. Every intermediate
 * value written to a Y.Map stays in the document's history, so this is what bounds a drag's growth.
 */
export class LocalWriteQueue {
  private pending: RecordsDiff<TLRecord> = emptyDiff()
  private timer: ReturnType<typeof setTimeout> | null = null
  private lastWrite = Number.NEGATIVE_INFINITY

  constructor(
    private readonly write: (diff: RecordsDiff<TLRecord>) => void,
    private readonly intervalMs = 1000 / LOCAL_WRITES_PER_SECOND,
  ) {}

  push(diff: RecordsDiff<TLRecord>): void {
    this.pending = squashRecordDiffs([this.pending, diff])
    if (performance.now() - this.lastWrite >= this.intervalMs) this.flush()
    else this.timer ??= setTimeout(() => this.flush(), this.lastWrite + this.intervalMs - performance.now())
  }

  hasPending(): boolean {
    return !isRecordsDiffEmpty(this.pending)
  }

  /** Drops what is pending without writing it. */
  discard(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.pending = emptyDiff()
  }

  /** Writes what is pending now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (!this.hasPending()) return
    const diff = this.pending
    this.pending = emptyDiff()
    this.lastWrite = performance.now()
    this.write(diff)
  }
}
