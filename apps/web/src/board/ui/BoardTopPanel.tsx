import { Link } from 'wouter'
import { LabFaultBanner } from '../../lab/LabFaultBanner.tsx'
import { RoleBadge } from '../../roles/RoleBadge.tsx'
import { ConnectionStatus } from '../connection/ConnectionStatus.tsx'
import { OfflineToggle } from '../connection/OfflineToggle.tsx'
import { useBoard } from './boardContext.ts'

/**
 * tldraw's top-centre slot: the way home, the board title, the link's role, connection state, the
 * offline switch and the way to the replication lab; below it, the lab's fault on this tab if any.
 */
export function BoardTopPanel() {
  const { session, title } = useBoard()
  const { role, boardId } = session.options
  return (
    <div className="board-top-area">
    <div className="board-top">
      <Link href="/" className="board-top__home" aria-label="All boards" title="All boards">
        <img src="/favicon.svg" alt="" width={20} height={20} />
      </Link>
      <h1 className="board-top__title" data-testid="board-title" title={title}>
        {title}
      </h1>
      {role && <RoleBadge role={role} />}
      <ConnectionStatus connection={session.connection} />
      <OfflineToggle />
      <Link href={`/b/${boardId}/lab${location.hash}`} className="board-top__button" data-testid="open-lab" title="Watch this board’s replicas diverge and converge">
        Lab
      </Link>
    </div>
    <LabFaultBanner fault={session.labFault} />
    </div>
  )
}
