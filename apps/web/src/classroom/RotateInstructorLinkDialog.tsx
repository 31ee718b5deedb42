import { tokenFromHash, type SessionResponse } from '@concord/shared'
import { rotateSessionToken } from '../api/sessions.ts'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'

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
  return (
    <ConfirmDialog
      title="Replace the instructor link?"
      testId="rotate-instructor-dialog"
      confirmLabel="Replace link"
      busyLabel="Replacing…"
      confirmTestId="rotate-instructor-confirm"
      offlineMessage="Cannot reach the Concord server. Replacing the link needs a connection."
      action={async () => {
        const rotated = await rotateSessionToken(session.id, token)
        onRotated(rotated, tokenFromHash(new URL(rotated.dashboard, location.origin).hash) ?? '')
      }}
      onClose={onClose}
    >
      <p className="dialog__text">
        Use this if the link to this dashboard was shared by mistake. The old link stops opening this dashboard and every team
        board at once, and anyone using it is disconnected. The teams’ own links keep working.
      </p>
      <p className="dialog__text">This page then moves to the new link: bookmark it.</p>
    </ConfirmDialog>
  )
}
