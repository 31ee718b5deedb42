import { boardLinkPath, tokenRole } from '@concord/shared'
import { useEffect, useMemo } from 'react'
import { useValue } from 'tldraw'
import { Link } from 'wouter'
import { BoardEditor } from '../board-page/BoardEditor.tsx'
import { boardFeatures } from '../board-page/boardFeatures.ts'
import { useBoardInfo } from '../board/useBoardInfo.ts'
import { useBoardSession } from '../board/useBoardSession.ts'
import { findRecentBoard, rememberBoard } from '../local/recentBoards.ts'
import { BoardRefused } from '../revoked/BoardRefused.tsx'
import { RefusedBoard } from '../revoked/RefusedBoard.tsx'
import { BoardFromNewerVersion } from '../update/BoardFromNewerVersion.tsx'
import { useBoardToken } from './boardToken.ts'

export function BoardRoute({ id }: { id: string }) {
  // The token rides in the fragment; a bare /b/<id> works for boards this browser remembers.
  const token = useBoardToken(id)
  if (!token) return <BoardRefused />
  return <OpenBoard id={id} token={token} />
}

function OpenBoard({ id, token }: { id: string; token: string }) {
  const role = useMemo(() => tokenRole(token), [token])
  const info = useBoardInfo(id, token)
  const session = useBoardSession({ boardId: id, token, role }, boardFeatures)
  const phase = useValue('board phase', () => session?.phase.get() ?? 'loading', [session])
  const docTitle = useValue('board doc title', () => session?.docTitle.get() ?? null, [session])
  // The document's title is live (a rename shows at once); the server's answer covers the time before it loads.
  const title = docTitle ?? (info.kind === 'found' ? info.info.title : null) ?? findRecentBoard(id)?.title ?? 'Untitled board'

  useEffect(() => {
    document.title = `${title} · Concord`
    return () => {
      document.title = 'Concord'
    }
  }, [title])

  // Remember the board once we know it is real: confirmed by the server, or opened from the local copy.
  const confirmedRole = info.kind === 'found' ? info.info.role : role
  const known = info.kind === 'found' || (info.kind === 'unreachable' && phase === 'ready')
  useEffect(() => {
    if (known && confirmedRole) rememberBoard({ id, title, role: confirmedRole, link: boardLinkPath(id, token) })
  }, [known, id, title, confirmedRole, token])

  if (info.kind === 'refused' || phase === 'refused') return <RefusedBoard session={session} title={title} />
  if (phase === 'outdated') return <BoardFromNewerVersion />
  if (!session || phase !== 'ready') {
    return (
      <main className="board-loading" aria-busy="true">
        <div className="board-loading__spinner" aria-hidden />
        <p className="board-loading__status">
          {info.kind === 'unreachable' ? 'Cannot reach the Concord server.' : 'Opening the board…'}
        </p>
        {info.kind === 'unreachable' && (
          <>
            <p className="board-loading__hint">
              This board has not been opened on this device before, so there is no offline copy yet. It opens as soon
              as the server is reachable.
            </p>
            <Link href="/" className="button button--quiet board-loading__home">
              Back to your boards
            </Link>
          </>
        )}
      </main>
    )
  }
  return <BoardEditor session={session} title={title} classSession={info.kind === 'found' ? info.info.session : null} />
}
