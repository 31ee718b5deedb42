/** The window over which refused link tokens are counted per address. */
const WINDOW_MS = 60_000

interface Window {
  startedAt: number
  failures: number
}

/**
 * Counts refused link tokens per client address and, once an address has had its budget for the
 * minute, refuses its next attempts unchecked until the minute is over: the HTTP API answers 429
 * with Retry-After, the websocket refuses. Valid links from that address wait too (a class behind
 * one NAT shares the budget, so it is generous); the point is that guessing costs the server
 * nothing and is slow.
 */
export class AuthThrottle {
  private readonly windows = new Map<string, Window>()

  constructor(
    private readonly failuresPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `address` may try again, or 0 when it may try now. */
  retryAfter(address: string): number {
    const window = this.current(address)
    if (!window || window.failures < this.failuresPerMinute) return 0
    return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - this.now()) / 1000))
  }

  /** Records a refused token from `address`. */
  fail(address: string): void {
    const window = this.current(address) ?? { startedAt: this.now(), failures: 0 }
    window.failures++
    this.windows.set(address, window)
    if (this.windows.size > 10_000) this.sweep()
  }

  private current(address: string): Window | undefined {
    const window = this.windows.get(address)
    if (window && this.now() - window.startedAt >= WINDOW_MS) {
      this.windows.delete(address)
      return undefined
    }
    return window
  }

  /** Forgets lapsed windows, so many addresses cannot grow the map for long. */
  private sweep(): void {
    for (const address of [...this.windows.keys()]) this.current(address)
  }
}
