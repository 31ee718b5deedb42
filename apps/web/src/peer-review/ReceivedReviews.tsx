import type { MeResponse, ThreadAnchor } from '@concord/shared'
import { useCallback, useMemo } from 'react'
import { useVersionStore } from '../review/useVersionStore.ts'
import { loadBoardVersion } from '../review/versionStore.ts'
import { anchorKey, anchorNames } from './anchorNames.ts'
import { ReceivedReview } from './ReceivedReview.tsx'

type Round = MeResponse['rounds'][number]

/**
 * The reviews the student's team received in a round, each comment's target named on the version
 * the team submitted (the component and property, as the board's own review names them).
 */
export function ReceivedReviews({ me, token, round, received }: { me: MeResponse; token: string; round: Round; received: NonNullable<Round['received']> }) {
  const load = useCallback(() => loadBoardVersion(me.board.id, token, received.versionId), [me.board.id, token, received.versionId])
  const version = useVersionStore(load)
  const names = useMemo(() => {
    if (version.kind !== 'ready') return null
    return anchorNames(version.store, received.reviews.flatMap(({ review }) => review.comments.map(({ anchor }) => anchor)))
  }, [version, received.reviews])
  const nameOf = names && ((anchor: ThreadAnchor) => names.get(anchorKey(anchor)))
  return received.reviews.map((review) => <ReceivedReview key={review.id} token={token} received={review} rubric={round.rubric} nameOf={nameOf} />)
}
