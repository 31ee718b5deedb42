import { renameBoardRequestSchema } from '@concord/shared'
import { useState, type FormEvent } from 'react'
import { renameBoard } from '../api/boardAdmin.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { FormActions } from '../ui/FormActions.tsx'
import { FormError } from '../ui/FormError.tsx'

/** Renames the board for everyone: open boards show the new title at once. */
export function RenameBoardDialog({ boardId, token, title, onClose }: { boardId: string; token: string; title: string; onClose(): void }) {
  const [value, setValue] = useState(title)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const request = renameBoardRequestSchema.safeParse({ title: value })
    if (!request.success) {
      setError(request.error.issues[0]?.message ?? 'Please enter a title')
      return
    }
    setBusy(true)
    try {
      await renameBoard(boardId, token, request.data.title)
      onClose()
    } catch (err) {
      setError(err instanceof TypeError ? 'Cannot reach the Concord server. Renaming needs a connection.' : (err as Error).message)
      setBusy(false)
    }
  }

  return (
    <Dialog title="Rename board" onClose={onClose} testId="rename-dialog">
      <form onSubmit={submit} noValidate>
        <label htmlFor="rename-board-title" className="field-label">
          Title
        </label>
        <input
          id="rename-board-title"
          className="input"
          data-testid="rename-input"
          value={value}
          maxLength={200}
          autoFocus
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <FormError error={error} />
        <FormActions onCancel={onClose} label="Rename" busyLabel="Saving…" busy={busy} testId="rename-submit" />
      </form>
    </Dialog>
  )
}
