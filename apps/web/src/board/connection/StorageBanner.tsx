import { useValue, type Atom } from 'tldraw'

/**
 * Says plainly when the server has told this tab it is not storing edits (its database fails or
 * its queue is full), rather than leaving the user to notice that nothing gets saved. It goes
 * away when the server says it stores again.
 */
export function StorageBanner({ problem }: { problem: Atom<string | null> }) {
  const reason = useValue('storage problem', () => problem.get(), [problem])
  if (reason === null) return null
  return (
    <div className="board-banner storage-banner" role="alert" data-testid="storage-banner">
      <strong className="storage-banner__title">Your edits are not being saved.</strong>
      <span>{reason}</span>
    </div>
  )
}
