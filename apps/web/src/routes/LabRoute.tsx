import { tokenRole } from '@concord/shared'
import { useEffect, useMemo } from 'react'
import { useValue } from 'tldraw'
import { boardFeatures } from '../board-page/boardFeatures.ts'
import { useBoardSession } from '../board/useBoardSession.ts'
import { LabView } from '../lab/LabView.tsx'
import { BoardRefused } from '../revoked/BoardRefused.tsx'
import { BoardFromNewerVersion } from '../update/BoardFromNewerVersion.tsx'
import { useBoardToken } from './boardToken.ts'

/** `/b/<id>/lab`: the board's replication lab, with the board's own link. */
export function LabRoute({ id }: { id: string }) {
  const token = useBoardToken(id)
  if (!token) return <BoardRefused />
  return <OpenLab id={id} token={token} />
}

function OpenLab({ id, token }: { id: string; token: string }) {
  const role = useMemo(() => tokenRole(token), [token])
  // The lab is itself a replica of the board: it syncs, reports and shows up in its own list.
  const session = useBoardSession({ boardId: id, token, role }, boardFeatures)
  const phase = useValue('board phase', () => session?.phase.get() ?? 'loading', [session])
  const title = useValue('board doc title', () => session?.docTitle.get() ?? null, [session]) ?? 'Board'
  useEffect(() => {
    document.title = `Lab · ${title} · Concord`
    return () => {
      document.title = 'Concord'
    }
  }, [title])
  if (phase === 'refused') return <BoardRefused />
  if (phase === 'outdated') return <BoardFromNewerVersion />
  if (!session || phase !== 'ready') {
    return (
      <main className="board-loading" aria-busy="true">
        <div className="board-loading__spinner" aria-hidden />
        <p className="board-loading__status">Opening the lab…</p>
      </main>
    )
  }
  return <LabView session={session} title={title} />
}
