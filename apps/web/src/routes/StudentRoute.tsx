import { BOARD_REFUSAL, tokenFromHash, type MeResponse } from '@concord/shared'
import { useEffect, useState } from 'react'
import { fetchMe } from '../api/peerReview.ts'
import { StudentPage } from '../peer-review/StudentPage.tsx'
import { FullPageMessage } from '../ui/FullPageMessage.tsx'

type Loaded = { kind: 'loading' } | { kind: 'found'; me: MeResponse } | { kind: 'refused' } | { kind: 'failed'; message: string }

/** `/s/<id>/me#k=<student token>`: a student's own page in a class session. */
export function StudentRoute() {
  const [token] = useState(() => tokenFromHash(location.hash))
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' })
  useEffect(() => {
    if (!token) return
    let current = true
    fetchMe(token).then(
      (me) => current && setLoaded(me ? { kind: 'found', me } : { kind: 'refused' }),
      (error: unknown) => current && setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    return () => {
      current = false
    }
  }, [token])
  useEffect(() => {
    if (loaded.kind === 'found') document.title = `${loaded.me.student.name} · ${loaded.me.session.name} · Concord`
  }, [loaded])
  if (!token || loaded.kind === 'refused') return <FullPageMessage title="This link cannot be opened" message={BOARD_REFUSAL} testId="student-error" />
  if (loaded.kind === 'failed') return <FullPageMessage title="Your page could not be loaded" message={loaded.message} />
  if (loaded.kind === 'loading') {
    return (
      <main className="board-loading" aria-busy="true">
        <div className="board-loading__spinner" aria-hidden />
        <p className="board-loading__status">Opening your page…</p>
      </main>
    )
  }
  return <StudentPage me={loaded.me} token={token} />
}
