import { format } from 'node:util'
import type { Logger } from 'pino'

/**
 * Libraries report on the console what they swallow (Hocuspocus: a hook that threw, a connection
 * closed on an exception, a store that failed and keeps the document in memory). This sends
 * `console.error` and `console.warn` into the JSON log, so those lines reach operators with the
 * rest; the first Error among the arguments is logged as `err`, with its stack.
 */
export function routeConsoleToLog(log: Logger): void {
  const write =
    (level: 'error' | 'warn') =>
    (...args: unknown[]): void => {
      const err = args.find((arg) => arg instanceof Error)
      log[level](err ? { err } : {}, format(...args.filter((arg) => arg !== err)))
    }
  console.error = write('error')
  console.warn = write('warn')
}
