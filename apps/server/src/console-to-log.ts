import { format } from 'node:util'
import type { Logger } from 'pino'

/** Library lines may quote what clients sent (a document name): cut to this many characters. */
const MAX_MESSAGE = 500
/** At most this many library lines per second; the rest are counted in the next line allowed. */
const LINES_PER_SECOND = 50

/**
 * Libraries report on the console what they swallow (Hocuspocus: a hook that threw, a connection
 * closed on an exception, a store that failed and keeps the document in memory). This sends
 * `console.error` and `console.warn` into the JSON log, so those lines reach operators with the
 * rest; the first Error among the arguments is logged as `err`, with its stack. Lines are cut
 * and rate-limited, so a client that makes a library complain cannot flood the log.
 */
export function routeConsoleToLog(log: Logger): void {
  let second = 0
  let lines = 0
  let suppressed = 0
  const write =
    (level: 'error' | 'warn') =>
    (...args: unknown[]): void => {
      const now = Math.floor(Date.now() / 1000)
      if (now !== second) {
        second = now
        lines = 0
      }
      if (++lines > LINES_PER_SECOND) {
        suppressed++
        return
      }
      const err = args.find((arg) => arg instanceof Error)
      const text = format(...args.filter((arg) => arg !== err))
      const message = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}… (${text.length} characters)` : text
      log[level]({ ...(err ? { err } : {}), ...(suppressed > 0 ? { suppressed } : {}) }, message)
      suppressed = 0
    }
  console.error = write('error')
  console.warn = write('warn')
}
