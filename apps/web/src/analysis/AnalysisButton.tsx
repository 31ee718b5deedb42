import { useValue } from 'tldraw'
import { PanelToggleButton } from '../ui/PanelToggleButton.tsx'
import { useAnalysis } from './analysisContext.ts'

/** Opens and closes the analysis panel; shows how many errors and warnings are open. */
export function AnalysisButton() {
  const analysis = useAnalysis()
  const open = useValue(
    'analysis open findings',
    () => {
      const summary = analysis?.result.get().summary
      return summary ? summary.errors + summary.warnings : 0
    },
    [analysis],
  )
  const shown = useValue('analysis panel open', () => analysis?.panelOpen.get() ?? false, [analysis])
  if (!analysis) return null
  return (
    <PanelToggleButton
      label="Analysis"
      shown={shown}
      count={open}
      countLabel="errors and warnings"
      testId="analysis-button"
      countTestId="analysis-open-count"
      onToggle={() => analysis.panelOpen.set(!shown)}
    />
  )
}
