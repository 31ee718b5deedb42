import type { RoundReview } from '@concord/shared'
import type { SaveState } from './roundReviewDraft.ts'

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

/** Where the student's review stands: submitted (late or not), or the draft's save state with the reason a save failed. */
export function SaveStatus({ state, review }: { state: SaveState; review: RoundReview | null }) {
  if (review?.status === 'submitted') {
    return (
      <p className="save-status save-status--submitted" data-testid="round-review-status">
        Submitted{review.late ? ' late' : ''}
        {review.submittedAt !== null && ` at ${timeFormat.format(review.submittedAt)}`}: read-only
      </p>
    )
  }
  switch (state.kind) {
    case 'saved':
      return (
        <p className="save-status" data-testid="round-review-status" aria-live="polite">
          {state.at === null ? 'Not saved yet' : `Draft saved at ${timeFormat.format(state.at)}`}
        </p>
      )
    case 'unsaved':
      return (
        <p className="save-status" data-testid="round-review-status" aria-live="polite">
          Unsaved changes
        </p>
      )
    case 'saving':
      return (
        <p className="save-status" data-testid="round-review-status" aria-live="polite">
          Saving…
        </p>
      )
    case 'failed':
      return (
        <p className="save-status form-error" data-testid="round-review-status" role="alert">
          Not saved: {state.message}
        </p>
      )
  }
}
