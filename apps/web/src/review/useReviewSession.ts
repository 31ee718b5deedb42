import { useEffect, useState } from 'react'
import type { BoardSession } from '../board/sync/boardSession.ts'
import { ReviewSession } from './reviewSession.ts'

/** The review document of the open board, for as long as the board is open. */
export function useReviewSession(board: BoardSession): ReviewSession | null {
  const [review, setReview] = useState<ReviewSession | null>(null)
  useEffect(() => {
    const created = new ReviewSession(board)
    // An external resource owned by this effect; state hands it to the render.
    // oxlint-disable-next-line react/set-state-in-effect
    setReview(created)
    return () => {
      created.destroy()
      setReview(null)
    }
  }, [board])
  return review
}
