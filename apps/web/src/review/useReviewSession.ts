import type { BoardSession } from '../board/sync/boardSession.ts'
import { useOwned } from '../ui/useOwned.ts'
import { ReviewSession } from './reviewSession.ts'

/** The review document of the open board, for as long as the board is open. */
export function useReviewSession(board: BoardSession): ReviewSession | null {
  return useOwned(
    () => new ReviewSession(board),
    (review) => review.destroy(),
    [board],
  )
}
