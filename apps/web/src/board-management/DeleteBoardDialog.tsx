import { useLocation } from 'wouter'
import { deleteBoard } from '../api/boardAdmin.ts'
import { forgetBoard } from '../local/recentBoards.ts'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'

/** Deletes the board for everyone, after saying plainly what that means. */
export function DeleteBoardDialog({ boardId, token, title, onClose }: { boardId: string; token: string; title: string; onClose(): void }) {
  const [, navigate] = useLocation()
  return (
    <ConfirmDialog
      title={`Delete “${title}”?`}
      testId="delete-dialog"
      confirmLabel="Delete board"
      busyLabel="Deleting…"
      confirmTestId="delete-confirm"
      offlineMessage="Cannot reach the Concord server. Deleting needs a connection."
      action={async () => {
        await deleteBoard(boardId, token)
        forgetBoard(boardId)
        navigate('/')
      }}
      onClose={onClose}
    >
      <p className="dialog__text">
        The board, its images and its review are deleted from the server for everyone, and every link to it stops working.
        This cannot be undone. Export it first if you may want it back.
      </p>
    </ConfirmDialog>
  )
}
