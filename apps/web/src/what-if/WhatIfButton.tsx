import { useValue } from 'tldraw'
import { useWhatIf } from './whatIfContext.ts'

/** Enters and leaves what-if mode; pressed while a what-if is on the canvas. */
export function WhatIfButton() {
  const mode = useWhatIf()
  const on = useValue('what-if on', () => mode?.view.get() !== null, [mode])
  const following = useValue('what-if following', () => mode?.following.get() ?? false, [mode])
  if (!mode) return null
  return (
    <button
      type="button"
      className={`button button--quiet what-if-button${on ? ' what-if-button--active' : ''}`}
      aria-pressed={on}
      // Someone else's what-if is shown to everyone: only they can end it.
      disabled={following}
      title="What-if: take components, zones or regions down and see what keeps working"
      data-testid="what-if-button"
      onClick={() => (on ? mode.end() : mode.start())}
    >
      What-if
    </button>
  )
}
