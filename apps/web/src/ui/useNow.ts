import { useEffect, useState } from 'react'

/** The current time, refreshed every `intervalMs`, for what ages on its own ("2 s ago", "edits in the last 5 min"). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
