import { createContext, useContext } from 'react'
import type { ReviewSession } from './reviewSession.ts'
import type { CommentSource } from './reviewSource.ts'

/** The open board's review, for the review UI inside tldraw's slots (which take no props). */
export const ReviewContext = createContext<ReviewSession | null>(null)

/** The review session, or null while it opens. */
export function useReview(): ReviewSession | null {
  return useContext(ReviewContext)
}

/** Where the comment markers and the point picker find the comments: the board's review or a round review. */
export const CommentSourceContext = createContext<CommentSource | null>(null)

export function useCommentSource(): CommentSource | null {
  return useContext(CommentSourceContext)
}
