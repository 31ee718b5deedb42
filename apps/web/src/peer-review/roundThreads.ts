import type { ReviewAuthor, ReviewThread, RoundComment } from '@concord/shared'

/** The student writing a round review, as their own comments are shown to them. */
export const OWN_AUTHOR: ReviewAuthor = { id: 'me', name: 'You' }

/**
 * A round review's comments as the comment UI shows threads: one open thread per comment, with
 * the comment as its one entry (a round review has no replies and nothing to resolve).
 */
export function commentsAsThreads(comments: readonly RoundComment[], createdAt: number): ReviewThread[] {
  return comments.map(({ id, anchor, text }) => ({
    id,
    anchor,
    author: OWN_AUTHOR,
    createdAt,
    status: 'open',
    statusBy: null,
    versionId: null,
    comments: [{ id, author: OWN_AUTHOR, text, createdAt }],
  }))
}
