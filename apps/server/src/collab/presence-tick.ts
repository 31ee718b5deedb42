/** The web client's presence interval: it sends its cursor at most this often. */
export const DEFAULT_PRESENCE_TICK_MS = 80

/**
 * Collects the awareness client ids that changed and hands them on at most once per tick, all
 * together: the first change after a quiet tick goes at once, later ones wait for the tick's end.
 * Only ids are kept, so whoever sends reads each client's latest state (a removal included) then.
 */
export class PresenceTick {
  private readonly pending = new Set<number>()
  private timer: NodeJS.Timeout | undefined
  private lastSent = Number.NEGATIVE_INFINITY

  constructor(
    private readonly tickMs: number,
    private readonly send: (clients: number[]) => void,
  ) {}

  add(clients: Iterable<number>): void {
    for (const client of clients) this.pending.add(client)
    if (this.pending.size === 0 || this.timer) return
    const wait = this.lastSent + this.tickMs - performance.now()
    if (wait <= 0) this.flush()
    else this.timer = setTimeout(() => this.flush(), wait)
  }

  /** Forgets what is pending and stops the timer. */
  dispose(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.pending.clear()
  }

  private flush(): void {
    this.timer = undefined
    const clients = [...this.pending]
    this.pending.clear()
    this.lastSent = performance.now()
    this.send(clients)
  }
}
