import { useState } from 'react'
import { useLocation } from 'wouter'
import { deleteBoard } from '../api/boardAdmin.ts'
import { forgetBoard } from '../home/recentBoards.ts'
import { Dialog } from '../ui/Dialog.tsx'

/** Deletes the board for everyone, after saying plainly what that means. */
export function DeleteBoardDialog({ boardId, token, title, onClose }: { boardId: string; token: string; title: string; onClose(): void }) {
  const [, navigate] = useLocation()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    setBusy(true)
    try {
      await deleteBoard(boardId, token)
      forgetBoard(boardId)
      navigate('/')
    } catch (err) {
      setError(err instanceof TypeError ? 'Cannot reach the Concord server. Deleting needs a connection.' : (err as Error).message)
      setBusy(false)
    }
  }

  return (
    <Dialog title={`Delete “${title}”?`} onClose={onClose} testId="delete-dialog">
      <p className="dialog__text">
        The board, its images and its review are deleted from the server for everyone, and every link to it stops working.
        This cannot be undone. Export it first if you may want it back.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button button--danger" data-testid="delete-confirm" onClick={confirm} disabled={busy}>
          {busy ? 'Deleting…' : 'Delete board'}
        </button>
      </div>
    </Dialog>
  )
}
