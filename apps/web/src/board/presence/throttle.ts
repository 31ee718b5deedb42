/**
 * Runs `fn` at most once per `intervalMs`: at once when idle (leading) and once more at the end of
 * a burst (trailing), so the last state is always delivered.
 */
export function throttle(fn: () => void, intervalMs: number): { call(): void; cancel(): void } {
  let lastRun = -Infinity
  let timer: ReturnType<typeof setTimeout> | null = null
  const run = () => {
    timer = null
    lastRun = Date.now()
    fn()
  }
  return {
    call() {
      if (timer) return
      const wait = lastRun + intervalMs - Date.now()
      if (wait <= 0) run()
      else timer = setTimeout(run, wait)
    },
    cancel() {
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}
