import { isRecordsDiffEmpty, squashRecordDiffs, type RecordsDiff, type TLRecord } from 'tldraw'

const emptyDiff = (): RecordsDiff<TLRecord> => ({ added: {}, updated: {}, removed: {} })

/** Document writes per second at most while changes keep coming (a drag, a resize). */
export const LOCAL_WRITES_PER_SECOND = 8

/**
 * Coalesces the store's local changes before they are written to Yjs. A change is written at once
 * unless it only updates records that were written less than an interval ago: that is a gesture
 * (a drag, a resize, typing), whose changes are squashed and written together at the end of the
 * interval, so it writes at most `LOCAL_WRITES_PER_SECOND` times a second and its final state
 * exactly. Every intermediate value written to a Y.Map stays in the document's history, so this
 * is what bounds a drag's growth; discrete actions (a click, a new shape, a style change) wait for
 * nothing.
 */
export class LocalWriteQueue {
  private pending: RecordsDiff<TLRecord> = emptyDiff()
  private timer: ReturnType<typeof setTimeout> | null = null
  private lastWrite = Number.NEGATIVE_INFINITY
  private lastWritten = new Set<string>()

  constructor(
    private readonly write: (diff: RecordsDiff<TLRecord>) => void,
    private readonly intervalMs = 1000 / LOCAL_WRITES_PER_SECOND,
  ) {}

  push(diff: RecordsDiff<TLRecord>): void {
    this.pending = squashRecordDiffs([this.pending, diff])
    if (this.continuesGesture(diff)) this.timer ??= setTimeout(() => this.flush(), this.lastWrite + this.intervalMs - performance.now())
    else this.flush()
  }

  /** Whether `diff` only updates records written within the current interval. */
  private continuesGesture(diff: RecordsDiff<TLRecord>): boolean {
    if (performance.now() - this.lastWrite >= this.intervalMs) return false
    if (Object.keys(diff.added).length > 0 || Object.keys(diff.removed).length > 0) return false
    return Object.keys(diff.updated).every((id) => this.lastWritten.has(id))
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
    this.lastWritten = new Set([...Object.keys(diff.added), ...Object.keys(diff.updated)])
    this.write(diff)
  }
}
