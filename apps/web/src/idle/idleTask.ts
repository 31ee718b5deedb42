/** The browser's idle callback where it has one (Safari has none): a timer otherwise. */
const whenIdle: (run: () => void, timeout: number) => () => void =
  typeof requestIdleCallback === 'function'
    ? (run, timeout) => {
        const handle = requestIdleCallback(run, { timeout })
        return () => cancelIdleCallback(handle)
      }
    : (run) => {
        const handle = setTimeout(run, 0)
        return () => clearTimeout(handle)
      }

/**
 * Work that must not delay input (an analysis of the board while someone drags or types): run
 * once the browser is idle, at the latest after `timeout` ms, however often it was asked for
 * meanwhile.
 */
export class IdleTask {
  private cancel: (() => void) | null = null

  constructor(
    private readonly run: () => void,
    private readonly timeout = 100,
  ) {}

  schedule(): void {
    if (this.cancel) return
    this.cancel = whenIdle(() => {
      this.cancel = null
      this.run()
    }, this.timeout)
  }

  destroy(): void {
    this.cancel?.()
    this.cancel = null
  }
}
