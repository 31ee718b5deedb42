import type { ReviewAuthor, ReviewThread } from '@concord/shared'
import { useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { NewCommentForm } from './NewCommentForm.tsx'
import type { CommentSource } from './reviewSource.ts'
import { ThreadCard } from './ThreadCard.tsx'

type StatusFilter = 'open' | 'resolved' | 'all'

/**
 * The threads of the review, filterable by status (for conversations, which are resolved) and by
 * the selected component, and a form for a new one.
 */
export function CommentsTab({ review, author }: { review: CommentSource; author: ReviewAuthor | null }) {
  const editor = useEditor()
  const threads = useValue('threads', () => review.threads.get(), [review])
  const canComment = useValue('can comment', () => review.canComment.get(), [review])
  const selectedIds = useValue('selected ids', () => editor.getSelectedShapeIds(), [editor])
  const [chosenStatus, setStatus] = useState<StatusFilter>('open')
  const status = review.conversation ? chosenStatus : 'all'
  const [onlySelected, setOnlySelected] = useState(false)

  const matches = (thread: ReviewThread) =>
    (status === 'all' || thread.status === status) &&
    (!onlySelected || (thread.anchor.kind !== 'point' && (selectedIds as string[]).includes(thread.anchor.shapeId)))
  const shown = threads.filter(matches)

  return (
    <div className="comments-tab">
      {author && canComment && <NewCommentForm review={review} author={author} />}
      <div className="comments-tab__filters">
        {review.conversation && (
          <select className="input" value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)} aria-label="Show threads" data-testid="thread-filter">
            <option value="open">Open ({threads.filter((t) => t.status === 'open').length})</option>
            <option value="resolved">Resolved ({threads.filter((t) => t.status === 'resolved').length})</option>
            <option value="all">All ({threads.length})</option>
          </select>
        )}
        <label className="comments-tab__only-selected">
          <input type="checkbox" checked={onlySelected} onChange={(event) => setOnlySelected(event.target.checked)} />
          Selected component only
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="review-empty">{threads.length === 0 ? 'No comments yet.' : 'No threads match these filters.'}</p>
      ) : (
        <ul className="thread-list">
          {shown.map((thread) => (
            <ThreadCard key={thread.id} thread={thread} review={review} author={canComment ? author : null} />
          ))}
        </ul>
      )}
    </div>
  )
}
