import { BOARD_REFUSAL } from '@concord/shared'
import { useEffect } from 'react'
import { StudentPage } from '../peer-review/StudentPage.tsx'
import { FullPageMessage } from '../ui/FullPageMessage.tsx'
import { useMe } from './useMe.ts'

/** `/s/<id>/me#k=<student token>`: a student's own page in a class session. */
export function StudentRoute() {
  const { token, loaded } = useMe()
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
