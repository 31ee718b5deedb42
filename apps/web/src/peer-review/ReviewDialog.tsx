import type { RoundResponse } from '@concord/shared'
import { useMemo } from 'react'
import { Dialog } from '../ui/Dialog.tsx'
import { useSubmission } from '../ui/useSubmission.ts'
import { helpfulnessText } from './helpfulness.ts'
import { ReviewContent } from './ReviewContent.tsx'
import { reviewStatus, type RoundAssignment } from './reviewStatus.ts'
import { FormError } from '../ui/FormError.tsx'
import { useAnchorNames } from './useAnchorNames.ts'

/**
 * One review as the instructor reads it (scores, justifications, comments named on the version
 * reviewed, the team's ratings and flags), with Hide / Show.
 */
export function ReviewDialog({
  token,
  round,
  assignment,
  onHide,
  onClose,
}: {
  token: string
  round: RoundResponse
  assignment: RoundAssignment
  onHide(hidden: boolean): Promise<void>
  onClose(): void
}) {
  const { busy, error, run } = useSubmission()
  const anchors = useMemo(() => assignment.review?.comments.map(({ anchor }) => anchor) ?? [], [assignment.review])
  const nameOf = useAnchorNames(assignment.boardId, assignment.versionId, token, anchors)
  const flags = round.progress.flags.filter(({ assignmentId }) => assignmentId === assignment.id)
  return (
    <Dialog title={`${assignment.name}’s review of Team ${assignment.team}`} onClose={onClose} wide testId="review-dialog">
      <p className="peer-review__hint">
        {reviewStatus(assignment.review)} · the team sees the reviewer as {round.anonymity === 'double' ? assignment.reviewerPseudonym : assignment.name}
      </p>
      {assignment.hidden && (
        <p className="peer-review__caveat peer-review__caveat--hidden" data-testid="review-hidden-note">
          Hidden: this review counts in no grade and no distribution, and Team {assignment.team} no longer sees it.
        </p>
      )}
      <div className="review-dialog__body">
        {assignment.review && <ReviewContent review={assignment.review} rubric={round.rubric} nameOf={nameOf} />}
        {flags.length > 0 && (
          <>
            <h3 className="review-dialog__heading">Flags</h3>
            <ul className="review-dialog__list">
              {flags.map((flag) => (
                <li key={flag.studentId}>
                  <strong>{flag.name}:</strong> “{flag.reason}”
                </li>
              ))}
            </ul>
          </>
        )}
        <h3 className="review-dialog__heading">Helpfulness ratings by Team {assignment.team}</h3>
        {assignment.ratings.length === 0 ? (
          <p className="peer-review__hint">Not rated yet.</p>
        ) : (
          <ul className="review-dialog__list">
            {assignment.ratings.map((rating) => (
              <li key={rating.studentId}>
                <strong>{rating.name}:</strong> {helpfulnessText(rating.helpfulness)}
                {rating.comment && <span className="peer-review__hint"> · {rating.comment}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <FormError error={error} />
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
        {assignment.review?.status === 'submitted' && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void run(() => onHide(!assignment.hidden))}
            data-testid="review-hide"
          >
            {assignment.hidden ? 'Show the review again' : 'Hide the review'}
          </button>
        )}
      </div>
    </Dialog>
  )
}
