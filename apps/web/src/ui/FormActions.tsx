/** A form's closing row: Cancel, then the submit button, labelled `busyLabel` and disabled while the form works. */
export function FormActions({
  onCancel,
  label,
  busyLabel,
  busy = false,
  testId,
  small = false,
  className = 'dialog__actions',
}: {
  onCancel: () => void
  label: string
  busyLabel?: string
  busy?: boolean
  testId: string
  small?: boolean
  className?: string
}) {
  const size = small ? ' button--small' : ''
  return (
    <div className={className}>
      <button type="button" className={`button button--quiet${size}`} onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className={`button button--primary${size}`} data-testid={testId} disabled={busy}>
        {busy && busyLabel ? busyLabel : label}
      </button>
    </div>
  )
}
