import { Link } from 'wouter'
import { useReadonly } from 'tldraw'
import { ConnectionStatus } from '../connection/ConnectionStatus.tsx'
import { useBoard } from './boardContext.ts'

/** tldraw's top-centre slot: the way home, the board title, read-only badge and connection state. */
export function BoardTopPanel() {
  const { session, title } = useBoard()
  const readonly = useReadonly()
  return (
    <div className="board-top">
      <Link href="/" className="board-top__home" aria-label="All boards" title="All boards">
        <img src="/favicon.svg" alt="" width={20} height={20} />
      </Link>
      <h1 className="board-top__title" data-testid="board-title" title={title}>
        {title}
      </h1>
      {readonly && <span className="board-top__badge">View only</span>}
      <ConnectionStatus connection={session.connection} />
    </div>
  )
}
