import { Link } from 'wouter'
import { RoleBadge } from '../../roles/RoleBadge.tsx'
import { ConnectionStatus } from '../connection/ConnectionStatus.tsx'
import { useBoard } from './boardContext.ts'

/** tldraw's top-centre slot: the way home, the board title, the link's role and connection state. */
export function BoardTopPanel() {
  const { session, title } = useBoard()
  const { role } = session.options
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
    </div>
  )
}
