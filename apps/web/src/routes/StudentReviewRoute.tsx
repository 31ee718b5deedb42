import { BOARD_REFUSAL } from '@concord/shared'
import { CalibrationPage } from '../peer-review/CalibrationPage.tsx'
import { RoundReviewPage } from '../peer-review/RoundReviewPage.tsx'
import { FullPageMessage } from '../ui/FullPageMessage.tsx'
import { useMe } from './useMe.ts'

/** What a student opens from their page: an assigned design to review, or a round's calibration example. */
export type StudentReviewTarget = { kind: 'review'; assignmentId: string } | { kind: 'calibration'; roundId: string }

/**
 * `/s/<id>/me/review/<assignment>#k=<student token>` and `/s/<id>/me/calibration/<round>#k=...`:
 * the student's page data (`GET /api/me`) names the design, its version, the round's rubric and
 * due time; anything not found there is refused like an unknown link.
 */
export function StudentReviewRoute({ target }: { target: StudentReviewTarget }) {
  const { token, loaded } = useMe()
  if (!token || loaded.kind === 'refused') return <FullPageMessage title="This link cannot be opened" message={BOARD_REFUSAL} testId="student-error" />
  if (loaded.kind === 'failed') return <FullPageMessage title="This page could not be loaded" message={loaded.message} />
  if (loaded.kind === 'loading') {
    return (
      <main className="board-loading" aria-busy="true">
        <div className="board-loading__spinner" aria-hidden />
        <p className="board-loading__status">Opening the design…</p>
      </main>
    )
  }
  const { me } = loaded
  if (target.kind === 'calibration') {
    const round = me.rounds.find(({ id }) => id === target.roundId)
    if (round?.calibration) return <CalibrationPage me={me} round={round} token={token} />
  } else {
    for (const round of me.rounds) {
      const assignment = round.assignments.find(({ id }) => id === target.assignmentId)
      if (assignment) return <RoundReviewPage me={me} round={round} assignment={assignment} token={token} />
    }
  }
  return <FullPageMessage title="This link cannot be opened" message={BOARD_REFUSAL} testId="student-error" />
}
