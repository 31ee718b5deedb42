import { createBoardRequestSchema, type CreateBoardResponse } from '@concord/shared'
import { useState, type FormEvent } from 'react'
import { createBoard } from '../api/boards.ts'
import { FormError } from '../ui/FormError.tsx'

export function CreateBoardForm({ onCreated }: { onCreated(board: CreateBoardResponse): void }) {
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const request = createBoardRequestSchema.safeParse({ title })
    if (!request.success) {
      setError(request.error.issues[0]?.message ?? 'Please enter a title')
      return
    }
    setBusy(true)
    setError(null)
    try {
      onCreated(await createBoard(request.data.title))
      setTitle('')
    } catch (err) {
      setError(err instanceof TypeError ? 'Cannot reach the Concord server. Check your connection and try again.' : (err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="create-form" onSubmit={submit} noValidate>
      <label htmlFor="create-board-title" className="create-form__label">
        New board
      </label>
      <div className="create-form__row">
        <input
          id="create-board-title"
          data-testid="create-board-title"
          className="input"
          placeholder="e.g. Team 7 – replicated key-value store"
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'create-board-error' : undefined}
        />
        <button type="submit" data-testid="create-board-submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create board'}
        </button>
      </div>
      <FormError error={error} id="create-board-error" testId="create-board-error" />
    </form>
  )
}
