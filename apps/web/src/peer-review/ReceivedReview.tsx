import type { MeResponse, RoundRubric, ThreadAnchor } from '@concord/shared'
import { useState } from 'react'
import { FlagReviewForm } from './FlagReviewForm.tsx'
import { HelpfulnessForm } from './HelpfulnessForm.tsx'
import { ReviewContent } from './ReviewContent.tsx'

type Received = NonNullable<MeResponse['rounds'][number]['received']>['reviews'][number]

/**
 * One submitted review of the team's design: its scores and pinned comments (their targets named
 * by `nameOf` once the version is loaded), the student's helpfulness rating and flag.
 */
export function ReceivedReview({
  token,
  received,
  rubric,
  nameOf,
}: {
  token: string
  received: Received
  rubric: RoundRubric
  nameOf: ((anchor: ThreadAnchor) => string | undefined) | null
}) {
  const [rating, setRating] = useState(received.rating)
  const [flag, setFlag] = useState(received.flag)
  return (
    <article className="student__review" aria-labelledby={`received-${received.id}`} data-testid="student-received-review">
      <h4 id={`received-${received.id}`} className="student__reviewer">
        {received.reviewer}
        {received.review.late && <span className="peer-review__hint"> · late</span>}
        {flag && <span className="student__status student__status--flagged">Flagged</span>}
      </h4>
      <ReviewContent review={received.review} rubric={rubric} nameOf={nameOf} />
      <div className="feedback">
        <HelpfulnessForm token={token} assignmentId={received.id} saved={rating} onSaved={setRating} />
        <FlagReviewForm token={token} assignmentId={received.id} saved={flag} onSaved={setFlag} />
      </div>
    </article>
  )
}
