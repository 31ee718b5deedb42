import { useEffect, useState } from 'react'

/** Milliseconds left until `endsAt` (0 once past), refreshed every second. */
export function useCountdown(endsAt: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (endsAt === null) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [endsAt])
  return endsAt === null ? 0 : Math.max(0, endsAt - now)
}

/** `9:05` for 545 000 ms. */
export function formatCountdown(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}
