import { reviewAsMarkdown, type ReviewAuthor } from '@concord/shared'
import { useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { useBoard } from '../board/boardContext.ts'
import { identity } from '../identity/identity.ts'
import { describeAnchor } from './anchors.ts'
import { CommentsTab } from './CommentsTab.tsx'
import { useReview } from './reviewContext.ts'
import { RubricTab } from './RubricTab.tsx'
import { VersionsTab } from './VersionsTab.tsx'

type Tab = 'comments' | 'rubric' | 'versions'

/** The review side panel: comment threads and the rubric, and the review's Markdown export. */
export function ReviewPanel() {
  const editor = useEditor()
  const review = useReview()
  const { session, title } = useBoard()
  const open = useValue('review panel open', () => review?.panelOpen.get() ?? false, [review])
  const me = useValue('identity', () => identity.get(), [])
  const [tab, setTab] = useState<Tab>('comments')
  if (!review || !open) return null
  const author: ReviewAuthor | null = me ? { id: me.id, name: me.name } : null

  const exportMarkdown = () => {
    const markdown = reviewAsMarkdown({
      boardTitle: title,
      threads: review.threads.get(),
      rubrics: review.rubrics.get(),
      // Full names: a document has room for them, unlike the panel.
      describeAnchor: (anchor) => describeAnchor(editor, anchor, { full: true }),
      now: Date.now(),
    })
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown' }))
    Object.assign(document.createElement('a'), { href: url, download: `${title} – review.md` }).click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  return (
    <aside className="canvas-panel review-panel" data-testid="review-panel" aria-label="Review" onKeyDown={(event) => event.stopPropagation()}>
      <header className="review-panel__header">
        <div className="review-panel__tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'comments'} onClick={() => setTab('comments')} data-testid="review-tab-comments">
            Comments
          </button>
          <button type="button" role="tab" aria-selected={tab === 'rubric'} onClick={() => setTab('rubric')} data-testid="review-tab-rubric">
            Rubric
          </button>
          <button type="button" role="tab" aria-selected={tab === 'versions'} onClick={() => setTab('versions')} data-testid="review-tab-versions">
            Versions
          </button>
        </div>
        <button type="button" className="review-panel__close" aria-label="Close the review panel" onClick={() => review.panelOpen.set(false)}>
          ×
        </button>
      </header>
      <div className="review-panel__body">
        {tab === 'comments' && <CommentsTab review={review} author={author} />}
        {tab === 'rubric' && <RubricTab review={review} author={author} isReviewer={session.options.role === 'reviewer'} />}
        {tab === 'versions' && <VersionsTab review={review} />}
      </div>
      <footer className="review-panel__footer">
        <button type="button" className="button button--quiet button--small" onClick={exportMarkdown} data-testid="review-export">
          Export review (.md)
        </button>
      </footer>
    </aside>
  )
}
