import { useValue } from 'tldraw'
import { useReview } from './reviewContext.ts'

/** Opens and closes the review panel; shows how many threads are open. */
export function ReviewButton() {
  const review = useReview()
  const open = useValue('review open threads', () => review?.threads.get().filter((thread) => thread.status === 'open').length ?? 0, [review])
  const shown = useValue('review panel open', () => review?.panelOpen.get() ?? false, [review])
  if (!review) return null
  return (
    <button
      type="button"
      className={`button button--quiet review-button${shown ? ' review-button--active' : ''}`}
      aria-pressed={shown}
      data-testid="review-button"
      onClick={() => review.panelOpen.set(!shown)}
    >
      Review
      {open > 0 && (
        <span className="review-button__count" data-testid="review-open-count">
          {open}
        </span>
      )}
    </button>
  )
}
