import { createContext, useContext } from 'react'
import type { ReviewSession } from './reviewSession.ts'

/** The open board's review, for the review UI inside tldraw's slots (which take no props). */
export const ReviewContext = createContext<ReviewSession | null>(null)

/** The review session, or null while it opens. */
export function useReview(): ReviewSession | null {
  return useContext(ReviewContext)
}
