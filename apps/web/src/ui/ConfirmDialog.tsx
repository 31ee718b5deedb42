import { useState, type ReactNode } from 'react'
import { Dialog } from './Dialog.tsx'
import { FormError } from './FormError.tsx'

/**
 * A dialog that says what an irreversible server action means before doing it: Cancel, or the
 * danger button, which runs `action` and shows its error in place (the dialog stays open on failure).
 */
export function ConfirmDialog({
  title,
  testId,
  children,
  confirmLabel,
  busyLabel,
  confirmTestId,
  offlineMessage,
  action,
  onClose,
}: {
  title: string
  testId: string
  children: ReactNode
  confirmLabel: string
  busyLabel: string
  confirmTestId: string
  /** Shown when the server cannot be reached. */
  offlineMessage: string
  action(): Promise<void>
  onClose(): void
}) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    setBusy(true)
    try {
      await action()
    } catch (err) {
      setError(err instanceof TypeError ? offlineMessage : (err as Error).message)
      setBusy(false)
    }
  }

  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      {children}
      <FormError error={error} />
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button button--danger" data-testid={confirmTestId} onClick={confirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
