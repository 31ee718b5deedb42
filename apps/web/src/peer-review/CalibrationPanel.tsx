import { criterionScoreProblems, type RoundRubric } from '@concord/shared'
import { useState } from 'react'
import { saveCalibration } from '../api/roundReviews.ts'
import { RubricScores, scoreEntries, type ScoreEntry } from '../review/RubricScores.tsx'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'

/**
 * The calibration step's panel: the round's rubric on the example design, a score per criterion,
 * saved once (after a confirmation). `given` is the student's scores when already saved.
 */
export function CalibrationPanel({
  token,
  roundId,
  rubric,
  given,
  backHref,
}: {
  token: string
  roundId: string
  rubric: RoundRubric
  given: Record<string, number> | null
  backHref: string
}) {
  const [scores, setScores] = useState<Record<string, number>>(given ?? {})
  const [saved, setSaved] = useState(given !== null)
  const [confirming, setConfirming] = useState(false)
  const left = rubric.criteria.filter(({ id }) => scores[id] === undefined).length
  const onChange = (id: string, { score }: Partial<ScoreEntry>) => score != null && setScores({ ...scores, [id]: score })

  return (
    <aside className="canvas-panel review-panel round-review-panel" data-testid="calibration-panel" aria-label="Score the example" onKeyDown={(event) => event.stopPropagation()}>
      <header className="review-panel__header">
        <h2 className="review-subtitle review-subtitle--first">Score the example design</h2>
      </header>
      <div className="review-panel__body">
        <section className="rubric-form" data-testid="rubric-form">
          <p className="review-hint">
            {saved
              ? 'Your scores are saved. Your reviews are open: go back to your page to start them.'
              : 'Before you review your classmates, score this example with the round’s rubric. Your instructor compares your scores with theirs; you give them once.'}
          </p>
          <RubricScores criteria={rubric.criteria} entries={scoreEntries(scores)} onChange={saved ? null : onChange} justify={false} />
        </section>
      </div>
      <footer className="review-panel__footer round-review-panel__footer">
        {saved ? (
          <>
            <p className="review-hint">Your scores are saved: your reviews are open.</p>
            <a className="button button--primary button--small" href={backHref} data-testid="calibration-done">
              Back to your page
            </a>
          </>
        ) : (
          <>
            <p className="review-hint">{left > 0 ? `Score every criterion to save (${left} left).` : 'Every criterion is scored.'}</p>
            <button type="button" className="button button--primary button--small" disabled={left > 0} onClick={() => setConfirming(true)} data-testid="calibration-save">
              Save my scores…
            </button>
          </>
        )}
      </footer>
      {confirming && (
        <ConfirmDialog
          title="Save your scores?"
          testId="calibration-confirm"
          confirmLabel="Save scores"
          busyLabel="Saving…"
          confirmTestId="calibration-confirm-save"
          offlineMessage="Cannot reach the Concord server: your scores were not saved."
          action={async () => {
            const problems = criterionScoreProblems(rubric, scores)
            if (problems.length > 0) throw new Error(problems.join('. '))
            setScores(await saveCalibration(token, roundId, scores))
            setSaved(true)
            setConfirming(false)
          }}
          onClose={() => setConfirming(false)}
        >
          <p>You give these scores once: they cannot be changed afterwards.</p>
        </ConfirmDialog>
      )}
    </aside>
  )
}
