import { reviewFlagSchema, type ReviewFlag } from '@concord/shared'
import { useState, type FormEvent } from 'react'
import { flagReview } from '../api/reviewFeedback.ts'
import { FormActions } from '../ui/FormActions.tsx'
import { useSubmission } from '../ui/useSubmission.ts'
import { FormError } from '../ui/FormError.tsx'

/** "Flag as inappropriate" on a received review: the reason is required and goes to the instructor; shown once flagged. */
export function FlagReviewForm({
  token,
  assignmentId,
  saved,
  onSaved,
}: {
  token: string
  assignmentId: string
  saved: ReviewFlag | null
  onSaved(flag: ReviewFlag): void
}) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState(saved?.reason ?? '')
  const { busy, error, run } = useSubmission()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    return run(async () => {
      // The shared schema's reason ("say why ...") refuses an empty reason before asking the server.
      const parsed = reviewFlagSchema.safeParse({ reason })
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message)
      onSaved(await flagReview(token, assignmentId, parsed.data))
      setOpen(false)
    })
  }
  if (!open) {
    return saved ? (
      <div className="feedback__flagged" data-testid="review-flagged">
        <p>
          <strong>You flagged this review as inappropriate:</strong> “{saved.reason}”. Your instructor sees the reason.
        </p>
        <button type="button" className="button button--quiet button--small" onClick={() => setOpen(true)}>
          Change the reason
        </button>
      </div>
    ) : (
      <button type="button" className="button button--quiet button--small feedback__flag" onClick={() => setOpen(true)} data-testid="review-flag">
        Flag as inappropriate
      </button>
    )
  }
  const errorId = `flag-error-${assignmentId}`
  return (
    <form className="feedback__flag-form" onSubmit={(event) => void submit(event)}>
      <label className="field-label" htmlFor={`flag-reason-${assignmentId}`}>
        Why is this review inappropriate? <span className="peer-review__hint">(your instructor sees the reason, the reviewer does not)</span>
      </label>
      <textarea
        id={`flag-reason-${assignmentId}`}
        className="input"
        rows={2}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        aria-required="true"
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        data-testid="flag-reason"
      />
      <FormError error={error} id={errorId} />
      <FormActions onCancel={() => setOpen(false)} label="Flag the review" busyLabel="Flagging…" busy={busy} small testId="flag-submit" className="feedback__actions" />
    </form>
  )
}
