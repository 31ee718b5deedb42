import { useValue } from 'tldraw'
import { designPanelOpen } from './designPanelOpen.ts'

/** Opens and closes the Design panel (goals, non-goals, decisions). */
export function DesignButton() {
  const shown = useValue('design panel open', () => designPanelOpen.get(), [])
  return (
    <button
      type="button"
      className={`button button--quiet review-button${shown ? ' review-button--active' : ''}`}
      aria-pressed={shown}
      data-testid="design-button"
      title="Goals, non-goals and decision records"
      onClick={() => designPanelOpen.set(!shown)}
    >
      Design
    </button>
  )
}
