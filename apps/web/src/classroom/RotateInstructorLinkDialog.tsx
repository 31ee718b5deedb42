import { tokenFromHash, type SessionResponse } from '@concord/shared'
import { useState } from 'react'
import { rotateSessionToken } from '../api/sessions.ts'
import { Dialog } from '../ui/Dialog.tsx'

/**
 * Replaces the instructor link (the dashboard's, and the instructor's link to every team board)
 * after saying what that means; the old one stops working everywhere at once.
 */
export function RotateInstructorLinkDialog({
  session,
  token,
  onRotated,
  onClose,
}: {
  session: SessionResponse
  token: string
  onRotated(session: SessionResponse, token: string): void
  onClose(): void
}) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    setBusy(true)
    try {
      const rotated = await rotateSessionToken(session.id, token)
      onRotated(rotated, tokenFromHash(new URL(rotated.dashboard, location.origin).hash) ?? '')
    } catch (err) {
      setError(err instanceof TypeError ? 'Cannot reach the Concord server. Replacing the link needs a connection.' : (err as Error).message)
      setBusy(false)
    }
  }

  return (
    <Dialog title="Replace the instructor link?" onClose={onClose} testId="rotate-instructor-dialog">
      <p className="dialog__text">
        Use this if the link to this dashboard was shared by mistake. The old link stops opening this dashboard and every team
        board at once, and anyone using it is disconnected. The teams’ own links keep working.
      </p>
      <p className="dialog__text">This page then moves to the new link: bookmark it.</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button button--danger" data-testid="rotate-instructor-confirm" onClick={confirm} disabled={busy}>
          {busy ? 'Replacing…' : 'Replace link'}
        </button>
      </div>
    </Dialog>
  )
}
