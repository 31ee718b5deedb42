import { BOARD_REFUSAL, tokenFromHash, type SessionResponse } from '@concord/shared'
import { useEffect, useState } from 'react'
import { fetchSession } from '../api/sessions.ts'
import { SessionDashboard } from '../classroom/SessionDashboard.tsx'
import { rememberSession } from '../local/recentSessions.ts'
import { PeerReviewSection } from '../peer-review/PeerReviewSection.tsx'
import { FullPageMessage } from '../ui/FullPageMessage.tsx'

type Loaded = { kind: 'loading' } | { kind: 'found'; session: SessionResponse } | { kind: 'refused' } | { kind: 'failed'; message: string }

/** `/s/<id>#k=<instructor token>`: a class session's dashboard. */
export function SessionRoute({ id }: { id: string }) {
  // The token the page was opened with; after a rotation the dashboard runs on the new one.
  const [openedWith] = useState(() => tokenFromHash(location.hash))
  const [token, setToken] = useState(openedWith)
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' })
  useEffect(() => {
    if (!openedWith) return
    let current = true
    fetchSession(id, openedWith).then(
      (session) => current && setLoaded(session ? { kind: 'found', session } : { kind: 'refused' }),
      (error: unknown) => current && setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    return () => {
      current = false
    }
  }, [id, openedWith])
  useEffect(() => {
    if (loaded.kind !== 'found') return
    document.title = `${loaded.session.name} · Concord`
    // The instructor finds the session again on the home page.
    rememberSession({ id, name: loaded.session.name, teams: loaded.session.teams.length, link: `/s/${id}${location.hash}` })
  }, [loaded, id])
  if (!token || loaded.kind === 'refused') {
    return <FullPageMessage title="This session cannot be opened" message={BOARD_REFUSAL} testId="session-error" />
  }
  if (loaded.kind === 'failed') return <FullPageMessage title="The session could not be loaded" message={loaded.message} />
  if (loaded.kind === 'loading') {
    return (
      <main className="board-loading" aria-busy="true">
        <div className="board-loading__spinner" aria-hidden />
        <p className="board-loading__status">Opening the session…</p>
      </main>
    )
  }
  return (
    <SessionDashboard
      session={loaded.session}
      token={token}
      onTokenRotated={(session, next) => {
        // The address is the instructor link: the old one no longer works.
        history.replaceState(history.state, '', session.dashboard)
        setToken(next)
        setLoaded({ kind: 'found', session })
      }}
    >
      <PeerReviewSection sessionId={id} token={token} />
    </SessionDashboard>
  )
}
