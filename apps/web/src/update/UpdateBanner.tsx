import { useState } from 'react'
import { useValue } from 'tldraw'
import { reloadToUpdate, updateWaiting } from './serviceWorker.ts'

/** Offers the newer build once it is installed; the tab keeps working on this one until the user reloads. */
export function UpdateBanner() {
  const waiting = useValue('update waiting', () => updateWaiting.get(), [])
  const [dismissed, setDismissed] = useState(false)
  if (!waiting || dismissed) return null
  return (
    <div className="update-banner" role="status" data-testid="update-banner">
      <span>A new version of Concord is ready.</span>
      <button type="button" className="button button--primary" onClick={() => void reloadToUpdate()}>
        Reload to update
      </button>
      <button type="button" className="button button--quiet" onClick={() => setDismissed(true)}>
        Later
      </button>
    </div>
  )
}
