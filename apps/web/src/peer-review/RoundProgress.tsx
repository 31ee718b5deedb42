import type { RoundResponse } from '@concord/shared'
import { formatDue } from './dueDate.ts'

function status(review: RoundResponse['assignments'][number]['review']): string {
  if (!review) return 'Not started'
  if (review.status === 'draft') return 'Draft'
  return review.late ? 'Submitted late' : 'Submitted'
}

/** A round's submissions, missing teams and every assignment's progress, as the instructor sees them (with names). */
export function RoundProgress({ round }: { round: RoundResponse }) {
  const submitted = round.assignments.filter(({ review }) => review?.status === 'submitted').length
  // By reviewer, team by team, so each student's reviews sit together.
  const assignments = [...round.assignments].sort((a, b) => a.reviewerTeam - b.reviewerTeam || a.name.localeCompare(b.name) || a.team - b.team)
  return (
    <section className="peer-review__block" aria-label="Review round" data-testid="round-progress">
      <div className="peer-review__block-head">
        <h3>
          Round due {formatDue(round.dueAt)} · {submitted} of {round.assignments.length} reviews submitted
        </h3>
        <span className="peer-review__hint">
          Seed <code data-testid="round-seed">{round.seed}</code> · {round.anonymity === 'none' ? 'named' : `${round.anonymity}-blind`}
        </span>
      </div>
      {round.missing.length > 0 && (
        <p className="peer-review__caveat" data-testid="round-missing">
          No submission from {round.missing.map((team) => `Team ${team}`).join(', ')}: not reviewed in this round (its students still review).
        </p>
      )}
      <div className="peer-review__table-wrap" role="region" aria-label="Reviews of the round" tabIndex={0}>
        <table className="peer-review__table">
          <thead>
            <tr>
              <th scope="col">Reviewer</th>
              <th scope="col">Reviews</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((assignment) => (
              <tr key={assignment.id}>
                <td>
                  {assignment.name} <span className="peer-review__hint">(Team {assignment.reviewerTeam}, {assignment.reviewerPseudonym})</span>
                </td>
                <td>
                  Team {assignment.team} <span className="peer-review__hint">as {assignment.pseudonym}</span>
                </td>
                <td>{status(assignment.review)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
