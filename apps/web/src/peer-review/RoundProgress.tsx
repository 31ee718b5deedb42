import type { GradeWeights, RoundResponse } from '@concord/shared'
import { useCallback, useState } from 'react'
import { fetchRound } from '../api/peerReview.ts'
import { downloadRoundFile, setGradeWeights, setReviewHidden } from '../api/roundGrading.ts'
import { useSubmission } from '../ui/useSubmission.ts'
import { formatDue } from './dueDate.ts'
import { GradeFormulas } from './GradeFormulas.tsx'
import { GradeWeightsForm } from './GradeWeightsForm.tsx'
import { StudentProgressTable, TeamProgressTable } from './ProgressTables.tsx'
import { ReviewDialog } from './ReviewDialog.tsx'
import { RoundFlags } from './RoundFlags.tsx'
import { RoundReviewsTable } from './RoundReviewsTable.tsx'
import { ScoreDistributions } from './ScoreDistributions.tsx'
import { FormError } from '../ui/FormError.tsx'

/**
 * The instructor's view of a round: progress per team and student, flags, score distributions,
 * every review to open and hide, the review-score weights, and the grade and review downloads.
 */
export function RoundProgress({
  sessionId,
  token,
  round,
  onChanged,
}: {
  sessionId: string
  token: string
  round: RoundResponse
  onChanged(round: RoundResponse): void
}) {
  const [openId, setOpenId] = useState<string | null>(null)
  const downloads = useSubmission()
  const submitted = round.assignments.filter(({ review }) => review?.status === 'submitted').length
  const opened = round.assignments.find(({ id }) => id === openId)
  const close = useCallback(() => setOpenId(null), [])
  // Hiding a review or changing the weights changes grades and distributions: the round is read again.
  const reload = async () => onChanged(await fetchRound(sessionId, token, round.id))
  const hide = async (assignmentId: string, hidden: boolean) => {
    await setReviewHidden(sessionId, token, round.id, assignmentId, hidden)
    await reload()
  }
  const saveWeights = async (weights: GradeWeights) => {
    await setGradeWeights(sessionId, token, round.id, weights)
    await reload()
  }
  const download = (file: string, filename: string) => void downloads.run(() => downloadRoundFile(sessionId, token, round.id, file, filename))
  return (
    <section className="peer-review__round" aria-labelledby="round-title" data-testid="round-progress">
      <div className="peer-review__block-head">
        <div>
          <h3 id="round-title" className="peer-review__round-title">
            Round due {formatDue(round.dueAt)} · {submitted} of {round.assignments.length} reviews submitted
          </h3>
          <span className="peer-review__hint">
            Seed <code data-testid="round-seed">{round.seed}</code> · {round.anonymity === 'none' ? 'named' : `${round.anonymity}-blind`}
            {round.calibration && ' · calibrated'}
          </span>
        </div>
        <button type="button" className="button button--primary" onClick={() => download('grades.csv', 'grades.csv')} data-testid="grades-csv">
          Download grades (CSV)
        </button>
      </div>
      <FormError error={downloads.error} />
      {round.missing.length > 0 && (
        <p className="peer-review__caveat" data-testid="round-missing">
          No submission from {round.missing.map((team) => `Team ${team}`).join(', ')}: not reviewed in this round (its students still review).
        </p>
      )}
      <RoundFlags round={round} onOpen={setOpenId} />
      <TeamProgressTable round={round} onDownload={(team) => download(`teams/${team}/reviews.md`, `team-${team}-reviews.md`)} />
      <StudentProgressTable round={round} />
      <RoundReviewsTable round={round} onOpen={setOpenId} />
      <div className="peer-review__columns">
        <ScoreDistributions round={round} />
        <div className="peer-review__block">
          <GradeWeightsForm weights={round.weights} onSave={saveWeights} />
          <GradeFormulas round={round} />
        </div>
      </div>
      {opened && <ReviewDialog token={token} round={round} assignment={opened} onHide={(hidden) => hide(opened.id, hidden)} onClose={close} />}
    </section>
  )
}
