import type { RoundResponse } from '@concord/shared'

/** Reviews the reviewed teams flagged as inappropriate, with their reasons, each one click from the review. */
export function RoundFlags({ round, onOpen }: { round: RoundResponse; onOpen(assignmentId: string): void }) {
  const { flags } = round.progress
  if (flags.length === 0) return null
  return (
    <section className="peer-review__block" aria-labelledby="round-flags-title" data-testid="round-flags">
      <h3 id="round-flags-title">Flagged reviews ({flags.length})</h3>
      <ul className="peer-review__flags">
        {flags.map((flag) => {
          const assignment = round.assignments.find(({ id }) => id === flag.assignmentId)
          return (
            <li key={`${flag.assignmentId} ${flag.studentId}`} className="peer-review__flag" data-testid="round-flag">
              <p>
                <strong>{flag.name}</strong> (Team {flag.team}) flagged {assignment ? `${assignment.name}’s review` : 'a review'}: “{flag.reason}”
                {assignment?.hidden && <span className="peer-review__badge peer-review__badge--hidden">Hidden</span>}
              </p>
              <button type="button" className="button button--quiet button--small" onClick={() => onOpen(flag.assignmentId)} data-testid="round-flag-open">
                Open the review
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
