import { MAX_COMMENT_LENGTH, type ReviewAuthor, type ReviewThread } from '@concord/shared'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useEditor, useValue } from 'tldraw'
import { describeAnchor, isOrphaned, zoomToAnchor } from './anchors.ts'
import { LinkifiedText } from './LinkifiedText.tsx'
import type { CommentSource } from './reviewSource.ts'

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/**
 * One thread: what it is pinned to (click to zoom there), its comments, and for a writer a reply
 * box and resolve/reopen (conversations) or a delete button (a round review's own comments).
 */
export function ThreadCard({ thread, review, author }: { thread: ReviewThread; review: CommentSource; author: ReviewAuthor | null }) {
  const editor = useEditor()
  const label = useValue('thread anchor', () => describeAnchor(editor, thread.anchor), [editor, thread.anchor])
  const orphaned = useValue('thread orphaned', () => isOrphaned(editor, thread.anchor), [editor, thread.anchor])
  const focused = useValue('thread focused', () => review.focusedThread.get() === thread.id, [review, thread.id])
  const versionName = useValue('thread version', () => review.versionName(thread.versionId), [review, thread.versionId])
  const [reply, setReply] = useState('')
  const card = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (focused) card.current?.scrollIntoView({ block: 'nearest' })
  }, [focused])

  const sendReply = (event: FormEvent) => {
    event.preventDefault()
    const text = reply.trim()
    if (!author || !text) return
    review.conversation?.reply(thread.id, author, text)
    setReply('')
  }

  return (
    <li
      ref={card}
      className={`thread${focused ? ' thread--focused' : ''} thread--${thread.status}`}
      data-testid="thread"
      data-status={thread.status}
      data-anchor-kind={thread.anchor.kind}
    >
      <button
        type="button"
        className="thread__anchor"
        disabled={orphaned}
        onClick={() => {
          review.focusedThread.set(thread.id)
          zoomToAnchor(editor, thread.anchor)
        }}
        title={orphaned ? 'What this was pinned to has been deleted' : 'Show on the board'}
      >
        <span className="thread__anchor-label">{label}</span>
        {orphaned && <span className="thread__tag">orphaned</span>}
        {versionName && <span className="thread__tag thread__tag--version">on “{versionName}”</span>}
        {thread.status === 'resolved' && <span className="thread__tag thread__tag--resolved">resolved</span>}
      </button>
      <ul className="thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment" data-testid="comment">
            <div className="comment__meta">
              <strong>{comment.author.name}</strong> · <time dateTime={new Date(comment.createdAt).toISOString()}>{timeFormat.format(comment.createdAt)}</time>
            </div>
            <p className="comment__text">
              <LinkifiedText text={comment.text} />
            </p>
          </li>
        ))}
      </ul>
      {author && review.remove && (
        <div className="thread__actions">
          <button type="button" className="button button--quiet button--small" data-testid="thread-delete" onClick={() => review.remove?.(thread.id)}>
            Delete
          </button>
        </div>
      )}
      {author && review.conversation && (
        <div className="thread__actions">
          <form className="thread__reply" onSubmit={sendReply}>
            <input
              className="input"
              value={reply}
              maxLength={MAX_COMMENT_LENGTH}
              placeholder="Reply"
              aria-label="Reply"
              data-testid="reply-text"
              onChange={(event) => setReply(event.target.value)}
            />
            <button type="submit" className="button button--quiet button--small" disabled={!reply.trim()} data-testid="reply-submit">
              Reply
            </button>
          </form>
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="thread-status"
            onClick={() => review.conversation?.setStatus(thread.id, thread.status === 'open' ? 'resolved' : 'open', author)}
          >
            {thread.status === 'open' ? 'Resolve' : 'Reopen'}
          </button>
        </div>
      )}
      {thread.statusBy && (
        <p className="thread__status-by">
          {thread.status === 'resolved' ? 'Resolved' : 'Reopened'} by {thread.statusBy.name}
        </p>
      )}
    </li>
  )
}
