import { missingScores, type RoundRubric } from '@concord/shared'
import { useState } from 'react'
import { useValue } from 'tldraw'
import { CommentsTab } from '../review/CommentsTab.tsx'
import { RubricScores } from '../review/RubricScores.tsx'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'
import { useNow } from '../ui/useNow.ts'
import { formatDue } from './dueDate.ts'
import type { RoundReviewDraft } from './roundReviewDraft.ts'
import { OWN_AUTHOR } from './roundThreads.ts'
import { SaveStatus } from './SaveStatus.tsx'

type Tab = 'rubric' | 'comments'

/**
 * The review panel of a round review (inside the frozen design's canvas): the round's rubric,
 * a score and a justification per criterion, and comments pinned like the board review's; saved
 * as a draft, then submitted after a confirmation. Read-only once submitted.
 */
export function RoundReviewPanel({ draft, rubric, dueAt }: { draft: RoundReviewDraft; rubric: RoundRubric; dueAt: number }) {
  const [tab, setTab] = useState<Tab>('rubric')
  const [confirming, setConfirming] = useState(false)
  const content = useValue('round review content', () => draft.content.get(), [draft])
  const review = useValue('round review', () => draft.saved.get(), [draft])
  const state = useValue('round review save state', () => draft.saveState.get(), [draft])
  const writable = review?.status !== 'submitted'
  const missing = missingScores(rubric, content.scores)
  const pastDue = useNow(30_000) > dueAt

  return (
    <aside className="canvas-panel review-panel round-review-panel" data-testid="round-review-panel" aria-label="Your review" onKeyDown={(event) => event.stopPropagation()}>
      <header className="review-panel__header">
        <div className="review-panel__tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'rubric'} onClick={() => setTab('rubric')} data-testid="review-tab-rubric">
            Rubric
          </button>
          <button type="button" role="tab" aria-selected={tab === 'comments'} onClick={() => setTab('comments')} data-testid="review-tab-comments">
            Comments ({content.comments.length})
          </button>
        </div>
      </header>
      <div className="review-panel__body">
        {tab === 'rubric' ? (
          <section className="rubric-form" data-testid="rubric-form">
            {writable && <p className="review-hint">Score each criterion on its scale and say why. The team reads your review once you submit it.</p>}
            <RubricScores criteria={rubric.criteria} entries={content.scores} onChange={writable ? (id, change) => draft.setScore(id, change) : null} justify />
          </section>
        ) : (
          <CommentsTab review={draft} author={OWN_AUTHOR} />
        )}
      </div>
      <footer className="review-panel__footer round-review-panel__footer">
        <SaveStatus state={state} review={review} />
        {writable && (
          <div className="round-review-panel__actions">
            <button type="button" className="button button--quiet button--small" onClick={() => void draft.save()} disabled={state.kind === 'saving'} data-testid="round-review-save">
              Save draft
            </button>
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => setConfirming(true)}
              disabled={missing.length > 0}
              aria-describedby={missing.length > 0 ? 'round-review-missing' : undefined}
              data-testid="round-review-submit"
            >
              Submit…
            </button>
          </div>
        )}
        {writable && missing.length > 0 && (
          <p id="round-review-missing" className="review-hint">
            To submit, score every criterion ({missing.length} left).
          </p>
        )}
        {writable && pastDue && <p className="review-hint">It was due {formatDue(dueAt)}: submitted now, it is marked late.</p>}
      </footer>
      {confirming && (
        <ConfirmDialog
          title="Submit your review?"
          testId="round-review-confirm"
          confirmLabel="Submit review"
          busyLabel="Submitting…"
          confirmTestId="round-review-confirm-submit"
          offlineMessage="Cannot reach the Concord server: your review was not submitted."
          action={async () => {
            await draft.submit()
            setConfirming(false)
          }}
          onClose={() => setConfirming(false)}
        >
          <p>Once submitted, your review is final: you cannot change it, and the team reads it.</p>
          {pastDue && <p className="form-error">It was due {formatDue(dueAt)}: it will be marked late.</p>}
        </ConfirmDialog>
      )}
    </aside>
  )
}
