import { Link } from 'wouter'
import { RoleBadge } from '../roles/RoleBadge.tsx'
import { ConnectionStatus } from '../board/connection/ConnectionStatus.tsx'
import { OfflineToggle } from '../board/connection/OfflineToggle.tsx'
import { useBoard } from '../board/boardContext.ts'

/**
 * The start of the board's top bar: the way home, the board title, the link's role, connection
 * state, and (where there is room; otherwise in the board menu) the offline switch and the way to
 * the replication lab.
 */
export function BoardTopPanel() {
  const { session, title } = useBoard()
  const { role, boardId } = session.options
  return (
    <div className="board-top">
      <Link href="/" className="board-top__home" aria-label="All boards" title="All boards">
        <img src="/favicon.svg" alt="" width={20} height={20} />
      </Link>
      <h1 className="board-top__title" data-testid="board-title" title={title}>
        {title}
      </h1>
      {role && <RoleBadge role={role} />}
      <ConnectionStatus connection={session.connection} />
      <span className="board-top__secondary">
        <OfflineToggle />
        <Link
          href={`/b/${boardId}/lab${location.hash}`}
          className="board-top__button"
          data-testid="open-lab"
          aria-label="Replication lab"
          title="Replication lab: watch this board’s replicas diverge and converge"
        >
          <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
            <path d="M9 3h6M10 3v6l-5 9a2 2 0 0 0 1.8 3h10.4a2 2 0 0 0 1.8-3l-5-9V3M7.5 15h9" />
          </svg>
        </Link>
      </span>
    </div>
  )
}
