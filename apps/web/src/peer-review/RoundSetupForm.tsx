import { ANONYMITY, criterionScoreProblems, defaultRoundRubric, MAX_REVIEWS_PER_STUDENT, type Anonymity, type RoundResponse } from '@concord/shared'
import { useState, type FormEvent } from 'react'
import { createRound } from '../api/peerReview.ts'
import { useSubmission } from '../ui/useSubmission.ts'
import { CalibrationPicker, type CalibrationChoice } from './CalibrationPicker.tsx'
import { RubricEditor } from './RubricEditor.tsx'
import { rubricDraft, rubricFromDraft, scoresOnRubric } from './rubricDraft.ts'
import { FormError } from '../ui/FormError.tsx'

const ANONYMITY_TEXT: Record<Anonymity, { label: string; help: string }> = {
  none: { label: 'Named', help: 'Reviewers see the team’s board title; teams see who reviewed them.' },
  single: { label: 'Single-blind', help: 'Reviewers see “Design A”, not the team or its members; teams see who reviewed them.' },
  double: { label: 'Double-blind', help: 'Neither side learns the other: teams see “Reviewer 1”, “Reviewer 2”.' },
}

/** A week from now, as a `datetime-local` value in the browser's time zone. */
function inAWeek(): string {
  const date = new Date(Date.now() + 7 * 24 * 3_600_000)
  date.setMinutes(date.getMinutes() - date.getTimezoneOffset(), 0, 0)
  return date.toISOString().slice(0, 16)
}

/** Opens a review round on the teams' latest submitted versions. */
export function RoundSetupForm({ sessionId, token, onCreated }: { sessionId: string; token: string; onCreated(round: RoundResponse): void }) {
  const [reviewsPerStudent, setReviewsPerStudent] = useState(2)
  const [anonymity, setAnonymity] = useState<Anonymity>('single')
  const [dueAt, setDueAt] = useState(inAWeek)
  const [seed, setSeed] = useState('')
  const [criteria, setCriteria] = useState(() => rubricDraft(defaultRoundRubric()))
  const [calibration, setCalibration] = useState<CalibrationChoice | null>(null)
  // Problems show once the instructor first tries to open the round, then follow each edit.
  const [tried, setTried] = useState(false)
  const { busy, error, run } = useSubmission()
  const { rubric, problems: rubricProblems } = rubricFromDraft(criteria)
  const example = rubric && calibration && { ...calibration, scores: scoresOnRubric(rubric, calibration.scores) }
  const found = [...rubricProblems, ...(rubric && example ? criterionScoreProblems(rubric, example.scores).map((problem) => `Calibration example: ${problem}`) : [])]
  const problems = tried ? found : []
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (!rubric || found.length > 0) return
    return run(async () => {
      const settings = {
        reviewsPerStudent,
        anonymity,
        dueAt: new Date(dueAt).getTime(),
        rubric,
        ...(example ? { calibration: example } : {}),
        ...(seed.trim() === '' ? {} : { seed: Number(seed) }),
      }
      onCreated(await createRound(sessionId, token, settings))
    })
  }
  return (
    <form className="peer-review__block peer-review__setup" onSubmit={(event) => void submit(event)} aria-labelledby="round-setup-title">
      <h3 id="round-setup-title">Open a review round</h3>
      <p className="peer-review__hint">
        Each team’s latest version submitted with “Submit for review” is frozen for the round; teams without one are listed as missing.
        Nobody reviews their own team.
      </p>
      <div className="peer-review__fields">
        <label className="peer-review__field">
          Reviews per student
          <input
            className="input"
            type="number"
            min={1}
            max={MAX_REVIEWS_PER_STUDENT}
            value={reviewsPerStudent}
            onChange={(event) => setReviewsPerStudent(Number(event.target.value))}
            data-testid="round-reviews"
          />
        </label>
        <label className="peer-review__field peer-review__field--due">
          Due
          <input className="input" type="datetime-local" required value={dueAt} onChange={(event) => setDueAt(event.target.value)} data-testid="round-due" />
        </label>
        <label className="peer-review__field">
          Seed (optional)
          <input className="input" inputMode="numeric" pattern="[0-9]*" placeholder="random" value={seed} onChange={(event) => setSeed(event.target.value)} />
        </label>
      </div>
      <fieldset className="peer-review__anonymity">
        <legend className="field-label">Anonymity</legend>
        {ANONYMITY.map((option) => (
          <label key={option} className="peer-review__option">
            <input type="radio" name="anonymity" value={option} checked={anonymity === option} onChange={() => setAnonymity(option)} data-testid={`round-anonymity-${option}`} />
            <span>
              <strong>{ANONYMITY_TEXT[option].label}</strong>
              <span className="peer-review__hint">{ANONYMITY_TEXT[option].help}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {anonymity !== 'none' && (
        <p className="peer-review__caveat" role="note">
          Concord hides board titles, team numbers and member names. Text the teams wrote on their canvas (component names, labels) is shown
          as written: ask teams not to sign their designs.
        </p>
      )}
      <RubricEditor criteria={criteria} onChange={setCriteria} />
      <CalibrationPicker sessionId={sessionId} token={token} criteria={rubric?.criteria ?? []} value={calibration} onChange={setCalibration} />
      {problems.length > 0 && (
        <ul className="form-error peer-review__problems" role="alert" data-testid="round-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="peer-review__import-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="round-create">
          Open round
        </button>
      </div>
      <FormError error={error} />
    </form>
  )
}
