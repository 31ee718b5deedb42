import { useValue } from 'tldraw'
import { useAnalysis } from './analysisContext.ts'

/** Opens and closes the analysis panel; shows how many errors and warnings are open. */
export function AnalysisButton() {
  const analysis = useAnalysis()
  const open = useValue('analysis open findings', () => {
    const summary = analysis?.result.get().summary
    return summary ? summary.errors + summary.warnings : 0
  }, [analysis])
  const shown = useValue('analysis panel open', () => analysis?.panelOpen.get() ?? false, [analysis])
  if (!analysis) return null
  return (
    <button
      type="button"
      className={`button button--quiet review-button${shown ? ' review-button--active' : ''}`}
      aria-pressed={shown}
      data-testid="analysis-button"
      onClick={() => analysis.panelOpen.set(!shown)}
    >
      Analysis
      {open > 0 && (
        <span className="review-button__count" data-testid="analysis-open-count">
          {open}
          <span className="visually-hidden"> errors and warnings</span>
        </span>
      )}
    </button>
  )
}
