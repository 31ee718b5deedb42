import { useState } from 'react'

/** A form's one request at a time: `busy` while it runs, the error's message when it fails (cleared on the next try). */
export function useSubmission(): { busy: boolean; error: string | null; run(work: () => Promise<void>): Promise<void> } {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run }
}
