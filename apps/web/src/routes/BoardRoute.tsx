import { BOARD_REFUSAL, boardLinkPath, parseLinkToken, tokenFromHash } from '@concord/shared'
import { useEffect, useMemo, useState } from 'react'
import { useValue } from 'tldraw'
import { Link } from 'wouter'
import { BoardEditor } from '../board/ui/BoardEditor.tsx'
import { useBoardInfo } from '../board/useBoardInfo.ts'
import { useBoardSession } from '../board/useBoardSession.ts'
import { findRecentBoard, rememberBoard } from '../home/recentBoards.ts'
import { reloadToUpdate } from '../update/serviceWorker.ts'
import { FullPageMessage } from './FullPageMessage.tsx'

export function BoardRoute({ id }: { id: string }) {
  // The token rides in the fragment; a bare /b/<id> works for boards this browser remembers.
  const token = useMemo(() => {
    const remembered = findRecentBoard(id)?.link
    return tokenFromHash(location.hash) ?? (remembered ? tokenFromHash(remembered.slice(remembered.indexOf('#'))) : null)
  }, [id])
  if (!token) return <BoardRefused />
  return <OpenBoard id={id} token={token} />
}

function BoardRefused() {
  return (
    <FullPageMessage title="This board cannot be opened" message={BOARD_REFUSAL} testId="board-error">
      <p className="full-message__hint">
        Check that you opened the whole link, including the part after “#”, or ask the board’s owner to send it again.
      </p>
    </FullPageMessage>
  )
}

function BoardFromNewerVersion() {
  const [reloading, setReloading] = useState(false)
  const reload = (
    <button
      type="button"
      className="button button--primary"
      data-testid="reload-to-update"
      disabled={reloading}
      onClick={() => {
        setReloading(true)
        void reloadToUpdate()
      }}
    >
      {reloading ? 'Updating…' : 'Reload to update'}
    </button>
  )
  return (
    <FullPageMessage
      title="Concord needs an update"
      message="A newer version of Concord wrote this board: reload to update."
      testId="board-outdated"
      action={reload}
    >
      <p className="full-message__hint">
        This version stopped editing the board so that it cannot damage what the newer version wrote. Your earlier
        edits are on the board.
      </p>
    </FullPageMessage>
  )
}

function OpenBoard({ id, token }: { id: string; token: string }) {
  const role = useMemo(() => parseLinkToken(token)?.role ?? null, [token])
  const info = useBoardInfo(id, token)
  const session = useBoardSession({ boardId: id, token, role })
  const phase = useValue('board phase', () => session?.phase.get() ?? 'loading', [session])
  const docTitle = useValue('board doc title', () => session?.docTitle.get() ?? null, [session])
  const title =
    (info.kind === 'found' ? info.info.title : null) ?? docTitle ?? findRecentBoard(id)?.title ?? 'Untitled board'

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

  if (info.kind === 'refused' || phase === 'refused') return <BoardRefused />
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
  return <BoardEditor session={session} title={title} />
}
