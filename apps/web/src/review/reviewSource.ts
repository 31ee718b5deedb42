import type { ReviewAuthor, ReviewThread, ThreadAnchor } from '@concord/shared'
import type { Atom, Signal } from 'tldraw'

/**
 * Where the comment UI (CommentsTab, NewCommentForm, ThreadCard, the markers and the point picker)
 * reads and writes comments: the board's shared review document (`ReviewSession`) or a student's
 * own review in a peer-review round (`RoundReviewDraft`). Each comment is shown as a thread.
 */
export interface CommentSource {
  readonly threads: Signal<ReviewThread[]>
  /** Whether comments may be written now (the server enforces it; the UI follows). */
  readonly canComment: Signal<boolean>
  /** Whether the review panel is shown, and which thread it highlights. */
  readonly panelOpen: Atom<boolean>
  readonly focusedThread: Atom<string | null>
  /** Whether the next click on the canvas picks the point a new comment is pinned to, and the point picked. */
  readonly pickingPoint: Atom<boolean>
  readonly pickedPoint: Atom<{ pageId: string; x: number; y: number } | null>
  /** Pins a new comment; returns its thread's id. */
  addThread(anchor: ThreadAnchor, author: ReviewAuthor, text: string): string
  openThread(threadId: string | null): void
  /** The name of the version a thread was written on, if it was written on one. */
  versionName(versionId: string | null): string | null
  /** The board review's threads are conversations: replies, resolving and reopening. */
  readonly conversation: {
    reply(threadId: string, author: ReviewAuthor, text: string): void
    setStatus(threadId: string, status: ReviewThread['status'], author: ReviewAuthor): void
  } | null
  /** A round review's comments are the student's own until submitted: they may delete one. */
  remove: ((threadId: string) => void) | null
}
