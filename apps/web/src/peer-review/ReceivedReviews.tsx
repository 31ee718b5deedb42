import type { MeResponse } from '@concord/shared'
import { useMemo } from 'react'
import { ReceivedReview } from './ReceivedReview.tsx'
import { useAnchorNames } from './useAnchorNames.ts'

type Round = MeResponse['rounds'][number]

/**
 * The reviews the student's team received in a round, each comment's target named on the version
 * the team submitted (the component and property, as the board's own review names them).
 */
export function ReceivedReviews({ me, token, round, received }: { me: MeResponse; token: string; round: Round; received: NonNullable<Round['received']> }) {
  const anchors = useMemo(() => received.reviews.flatMap(({ review }) => review.comments.map(({ anchor }) => anchor)), [received.reviews])
  const nameOf = useAnchorNames(me.board.id, received.versionId, token, anchors)
  return received.reviews.map((review) => <ReceivedReview key={review.id} token={token} received={review} rubric={round.rubric} nameOf={nameOf} />)
}
