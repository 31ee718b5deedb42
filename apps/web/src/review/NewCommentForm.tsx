import { MAX_COMMENT_LENGTH, type ReviewAuthor, type ThreadAnchor } from '@concord/shared'
import { useState, type FormEvent } from 'react'
import { useEditor, useValue } from 'tldraw'
import { shapeLabel } from './anchors.ts'
import { commentTargets } from './commentTargets.ts'
import type { CommentSource } from './reviewSource.ts'

/**
 * Starts a thread on what is selected: the component (or arrow), one property of it, or, with
 * nothing selected, a point picked on the canvas.
 */
export function NewCommentForm({ review, author }: { review: CommentSource; author: ReviewAuthor }) {
  const editor = useEditor()
  const selected = useValue('comment target', () => (editor.getSelectedShapes().length === 1 ? editor.getSelectedShapes()[0]! : null), [editor])
  const picked = useValue('picked point', () => review.pickedPoint.get(), [review])
  const picking = useValue('picking', () => review.pickingPoint.get(), [review])
  const [property, setProperty] = useState('')
  const [text, setText] = useState('')

  const anchor: ThreadAnchor | null = selected
    ? property && commentTargets(selected).some((target) => target.key === property)
      ? { kind: 'property', shapeId: selected.id, property }
      : { kind: selected.type === 'arrow' ? 'arrow' : 'shape', shapeId: selected.id }
    : picked
      ? { kind: 'point', ...picked }
      : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = text.trim()
    if (!anchor || !body) return
    const id = review.addThread(anchor, author, body)
    setText('')
    setProperty('')
    review.pickedPoint.set(null)
    review.focusedThread.set(id)
  }

  return (
    <form className="new-comment" onSubmit={submit} data-testid="new-comment">
      <h3 className="review-subtitle review-subtitle--first">New comment</h3>
      <div className="new-comment__target">
        {selected ? (
          <>
            <span>
              On <strong>{shapeLabel(editor, selected)}</strong>
            </span>
            <select className="input new-comment__property" value={property} onChange={(event) => setProperty(event.target.value)} data-testid="comment-property" aria-label="Pin to">
              <option value="">{selected.type === 'arrow' ? 'the whole arrow' : 'the whole component'}</option>
              {commentTargets(selected).map((target) => (
                <option key={target.key} value={target.key}>
                  its {target.label}
                </option>
              ))}
            </select>
          </>
        ) : picked ? (
          <span>On a point of the canvas</span>
        ) : (
          <span className="new-comment__hint">Select a component or arrow to comment on it, or</span>
        )}
        {!selected && (
          <button type="button" className="button button--quiet button--small" data-testid="pick-point" onClick={() => review.pickingPoint.set(!picking)}>
            {picking ? 'Cancel' : picked ? 'Pick another point' : 'Pick a point'}
          </button>
        )}
      </div>
      <textarea
        className="input new-comment__text"
        data-testid="comment-text"
        value={text}
        maxLength={MAX_COMMENT_LENGTH}
        rows={3}
        placeholder={anchor ? 'Write a comment (plain text, links allowed)' : 'Choose what to comment on first'}
        disabled={!anchor}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button button--primary button--small" data-testid="comment-submit" disabled={!anchor || !text.trim()}>
        Comment
      </button>
    </form>
  )
}
