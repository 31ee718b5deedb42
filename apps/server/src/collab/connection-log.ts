import type { Logger } from 'pino'

/** Lines one connection may cause per window, and the window. */
const LINES_PER_WINDOW = 10
const WINDOW_MS = 60_000
/** Client-chosen strings (document names, reasons) are cut to this length in log lines. */
export const MAX_LOGGED_STRING = 120

interface Budget {
  windowStart: number
  lines: number
  suppressed: number
}

const budgets = new WeakMap<object, Budget>()

/**
 * Log lines caused by one connection, rate-limited so that a client sending the same bad frame
 * over and over costs the log one line per frame only up to a budget; the lines it suppressed are
 * counted in the next line the window allows. String fields are cut to `MAX_LOGGED_STRING`.
 */
export class ConnectionLog {
  private constructor(
    private readonly budget: Budget,
    private readonly log: Logger,
  ) {}

  static of(connection: object, log: Logger): ConnectionLog {
    let budget = budgets.get(connection)
    if (!budget) {
      budget = { windowStart: Date.now(), lines: 0, suppressed: 0 }
      budgets.set(connection, budget)
    }
    return new ConnectionLog(budget, log)
  }

  warn(fields: Record<string, unknown>, message: string): void {
    const now = Date.now()
    const budget = this.budget
    if (now - budget.windowStart >= WINDOW_MS) {
      budget.windowStart = now
      budget.lines = 0
    }
    if (budget.lines >= LINES_PER_WINDOW) {
      budget.suppressed++
      return
    }
    budget.lines++
    const suppressed = budget.suppressed
    budget.suppressed = 0
    this.log.warn({ ...truncated(fields), ...(suppressed > 0 ? { suppressed } : {}) }, message)
  }
}

/** `fields` with every string value cut to `MAX_LOGGED_STRING` characters. */
export function truncated(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) out[key] = typeof value === 'string' ? truncate(value) : value
  return out
}

export function truncate(text: string): string {
  return text.length > MAX_LOGGED_STRING ? `${text.slice(0, MAX_LOGGED_STRING)}… (${text.length} characters)` : text
}
