import type { RoundResponse } from '@concord/shared'
import { reviewStatus } from './reviewStatus.ts'
import { TableSection } from './TableSection.tsx'

/** Every assignment of the round, reviewer by reviewer, with its status, flags and the way to open it. */
export function RoundReviewsTable({ round, onOpen }: { round: RoundResponse; onOpen(assignmentId: string): void }) {
  // By reviewer, team by team, so each student's reviews sit together.
  const assignments = [...round.assignments].sort((a, b) => a.reviewerTeam - b.reviewerTeam || a.name.localeCompare(b.name) || a.team - b.team)
  const flags = (assignmentId: string) => round.progress.flags.filter((flag) => flag.assignmentId === assignmentId).length
  return (
    <TableSection titleId="round-reviews-title" title="Reviews">
      <table className="peer-review__table" data-testid="round-reviews">
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col">Reviews</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((assignment) => (
            <tr key={assignment.id} data-testid="round-review-row">
              <td>
                {assignment.name} <span className="peer-review__hint">(Team {assignment.reviewerTeam}, {assignment.reviewerPseudonym})</span>
              </td>
              <td>
                Team {assignment.team} <span className="peer-review__hint">as {assignment.pseudonym}</span>
              </td>
              <td>
                {reviewStatus(assignment.review)}
                {assignment.hidden && <span className="peer-review__badge peer-review__badge--hidden">Hidden</span>}
                {flags(assignment.id) > 0 && <span className="peer-review__badge peer-review__badge--flag">Flagged</span>}
              </td>
              <td>
                {assignment.review && (
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => onOpen(assignment.id)}
                    aria-label={`Open ${assignment.name}’s review of Team ${assignment.team}`}
                    data-testid="round-review-open"
                  >
                    Open
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableSection>
  )
}
