import { useValue } from 'tldraw'
import { PanelToggleButton } from '../ui/PanelToggleButton.tsx'
import { useReview } from './reviewContext.ts'

/** Opens and closes the review panel; shows how many threads are open. */
export function ReviewButton() {
  const review = useReview()
  const open = useValue('review open threads', () => review?.threads.get().filter((thread) => thread.status === 'open').length ?? 0, [review])
  const shown = useValue('review panel open', () => review?.panelOpen.get() ?? false, [review])
  if (!review) return null
  return <PanelToggleButton label="Review" shown={shown} count={open} testId="review-button" countTestId="review-open-count" onToggle={() => review.panelOpen.set(!shown)} />
}
