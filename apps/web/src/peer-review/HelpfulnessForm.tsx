import type { ReviewRating } from '@concord/shared'
import { useState, type FormEvent } from 'react'
import { rateReview } from '../api/reviewFeedback.ts'
import { useSubmission } from '../ui/useSubmission.ts'
import { HELPFULNESS_LABELS, HELPFULNESS_VALUES, helpfulnessText } from './helpfulness.ts'
import { FormError } from '../ui/FormError.tsx'

/** A team member rating how helpful a received review was (1 to 5, each with its meaning) with an optional comment; changeable. */
export function HelpfulnessForm({
  token,
  assignmentId,
  saved,
  onSaved,
}: {
  token: string
  assignmentId: string
  saved: ReviewRating | null
  onSaved(rating: ReviewRating): void
}) {
  const [helpfulness, setHelpfulness] = useState<number | null>(saved?.helpfulness ?? null)
  const [comment, setComment] = useState(saved?.comment ?? '')
  const { busy, error, run } = useSubmission()
  const changed = helpfulness !== (saved?.helpfulness ?? null) || comment.trim() !== (saved?.comment ?? '')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    return run(async () => {
      if (helpfulness === null) throw new Error('choose how helpful the review was first.')
      onSaved(await rateReview(token, assignmentId, { helpfulness, comment }))
    })
  }
  const state = changed ? 'Not saved yet' : saved === null ? 'Not rated yet' : `Saved: ${helpfulnessText(saved.helpfulness)}`
  return (
    <form className="feedback__rating" onSubmit={(event) => void submit(event)} data-testid="review-rating">
      <fieldset className="rating">
        <legend className="field-label">How helpful was this review?</legend>
        <div className="rating__options">
          {HELPFULNESS_VALUES.map((value) => (
            <label key={value} className="rating__option">
              <input
                type="radio"
                className="rating__input"
                name={`helpfulness-${assignmentId}`}
                value={value}
                checked={helpfulness === value}
                onChange={() => setHelpfulness(value)}
                data-testid={`rating-${value}`}
              />
              <span className="rating__value">{value}</span>{' '}
              <span className="rating__label">{HELPFULNESS_LABELS[value]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field-label" htmlFor={`rating-comment-${assignmentId}`}>
        Comment <span className="peer-review__hint">(optional, for your instructor)</span>
      </label>
      <textarea
        id={`rating-comment-${assignmentId}`}
        className="input"
        rows={2}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        data-testid="rating-comment"
      />
      <div className="feedback__actions">
        <span className={`feedback__state${saved && !changed ? ' feedback__state--saved' : ''}`} role="status" data-testid="rating-state">
          {state}
        </span>
        <button type="submit" className="button button--primary button--small" disabled={busy || (saved !== null && !changed)} data-testid="rating-save">
          {saved ? 'Update rating' : 'Save rating'}
        </button>
      </div>
      <FormError error={error} />
    </form>
  )
}
