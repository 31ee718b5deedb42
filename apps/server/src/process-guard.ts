import type { Logger } from 'pino'

/** At most this many such lines per minute; the rest are counted in the next one. */
const LINES_PER_MINUTE = 20

/**
 * Keeps the process serving when a promise rejects unhandled or a callback throws: one bad input
 * must not end every board's session. Node's default for both is to exit. Each is logged (at a
 * bounded rate) so the bug behind it can be found and fixed.
 */
export function guardProcess(log: Logger): void {
  let windowStart = Date.now()
  let lines = 0
  let suppressed = 0
  const report = (kind: string, error: unknown) => {
    const now = Date.now()
    if (now - windowStart >= 60_000) {
      windowStart = now
      lines = 0
    }
    if (lines >= LINES_PER_MINUTE) {
      suppressed++
      return
    }
    lines++
    log.error({ err: error, ...(suppressed > 0 ? { suppressed } : {}) }, `${kind}: the process keeps serving`)
    suppressed = 0
  }
  process.on('unhandledRejection', (reason) => report('unhandled rejection', reason))
  process.on('uncaughtException', (error) => report('uncaught exception', error))
}
