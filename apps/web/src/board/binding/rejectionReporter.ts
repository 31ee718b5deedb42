import type { RejectedRecord } from './applyRemoteRecords.ts'

/** How long a skipped record may stay unreadable before it is reported. */
const GRACE_MS = 500

/**
 * Reports records the store skipped, unless a readable version arrives within a short grace
 * period: a peer's undo can restore a record in two steps (restored, then completed), and the
 * first, momentarily incomplete step is not worth a warning to everyone on the board.
 */
export class RejectionReporter {
  private readonly pending = new Map<string, RejectedRecord>()
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly report: (rejected: RejectedRecord) => void,
    /** Whether the store now holds what Yjs holds for the record (or neither holds it). */
    private readonly isResolved: (id: string) => boolean,
  ) {}

  add(rejected: RejectedRecord): void {
    this.pending.set(rejected.id, rejected)
    this.timer ??= setTimeout(() => this.flush(), GRACE_MS)
  }

  /** Reports what is still unresolved now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const pending = [...this.pending.values()]
    this.pending.clear()
    for (const rejected of pending) if (!this.isResolved(rejected.id)) this.report(rejected)
  }
}
