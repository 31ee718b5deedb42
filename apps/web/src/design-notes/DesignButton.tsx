import { useValue } from 'tldraw'
import { PanelToggleButton } from '../ui/PanelToggleButton.tsx'
import { designPanelOpen } from './designPanelOpen.ts'

/** Opens and closes the Design panel (goals, non-goals, decisions). */
export function DesignButton() {
  const shown = useValue('design panel open', () => designPanelOpen.get(), [])
  return (
    <PanelToggleButton
      label="Design"
      shown={shown}
      testId="design-button"
      title="Goals, non-goals and decision records"
      onToggle={() => designPanelOpen.set(!shown)}
    />
  )
}
