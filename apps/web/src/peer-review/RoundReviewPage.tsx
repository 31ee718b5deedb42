import type { MeResponse } from '@concord/shared'
import { useCallback, useEffect } from 'react'
import { fetchAssignedVersion } from '../api/roundReviews.ts'
import { useOwned } from '../ui/useOwned.ts'
import { formatDue } from './dueDate.ts'
import { FrozenDesignPage } from './FrozenDesignPage.tsx'
import { RoundReviewDraft } from './roundReviewDraft.ts'
import { RoundReviewPanel } from './RoundReviewPanel.tsx'
import { studentPageHref } from './studentLinks.ts'

type Round = MeResponse['rounds'][number]

/** `/s/<session>/me/review/<assignment>`: the student reviews an assigned design, named as the round lets them see it. */
export function RoundReviewPage({ me, round, assignment, token }: { me: MeResponse; round: Round; assignment: Round['assignments'][number]; token: string }) {
  const draft = useOwned(
    () => new RoundReviewDraft(token, assignment.id, assignment.review),
    (owned) => owned.destroy(),
    [token, assignment],
  )
  useEffect(() => {
    document.title = `Review of ${assignment.design} · Concord`
  }, [assignment.design])
  // Leaving (the way back is a link) before the autosave ran: save now, and let the browser ask.
  useEffect(() => {
    if (!draft) return
    const warn = (event: BeforeUnloadEvent) => {
      if (!draft.hasUnsavedChanges()) return
      void draft.save()
      event.preventDefault()
    }
    addEventListener('beforeunload', warn)
    return () => removeEventListener('beforeunload', warn)
  }, [draft])
  const fetchVersion = useCallback(() => fetchAssignedVersion(token, assignment.id), [token, assignment.id])
  const back = studentPageHref(me.session.id, token)
  const bar = (
    <>
      <h1 className="board-top__title frozen-design__title" data-testid="round-review-design">
        {assignment.design}
      </h1>
      <span className="frozen-design__meta">Your review · due {formatDue(round.dueAt)}</span>
    </>
  )
  return (
    <FrozenDesignPage fetchVersion={fetchVersion} backHref={back} bar={bar} comments={draft}>
      {draft && <RoundReviewPanel draft={draft} rubric={round.rubric} dueAt={round.dueAt} />}
    </FrozenDesignPage>
  )
}
