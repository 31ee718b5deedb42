import type { AnalysisResult } from '@concord/shared'
import { useEditor, useValue } from 'tldraw'
import { useAnalysis } from './analysisContext.ts'
import { AnalysisTotals } from './AnalysisTotals.tsx'
import { badgesShown } from './boardAnalysis.ts'
import { FindingList } from './FindingList.tsx'
import { PathTable } from './PathTable.tsx'

/** Whether the analysis has any number to show yet: an entry's availability or latency, a utilisation or a cost. */
function hasNumbers(result: AnalysisResult): boolean {
  return (
    result.summary.costPerMonth !== null ||
    result.entries.some((entry) => entry.availability !== null || entry.latencyP99 !== null) ||
    result.paths.some((path) => path.utilisation !== null)
  )
}

/**
 * The design analysis side panel: totals, findings by topic and severity (each shows its shapes;
 * editors may mark one not applicable), and the entries and request paths with their numbers. It
 * follows the board live, for every role; reviewers and viewers read it without the actions.
 */
export function AnalysisPanel() {
  const editor = useEditor()
  const analysis = useAnalysis()
  const open = useValue('analysis panel open', () => analysis?.panelOpen.get() ?? false, [analysis])
  const result = useValue('analysis result', () => analysis?.result.get() ?? null, [analysis])
  const canEdit = useValue('board editable', () => !editor.getIsReadonly(), [editor])
  const badges = useValue('analysis badges shown', () => badgesShown.atom.get(), [])
  if (!analysis || !open || !result) return null
  return (
    <aside className="canvas-panel analysis-panel" data-testid="analysis-panel" aria-label="Design analysis" onKeyDown={(event) => event.stopPropagation()}>
      <header className="analysis-panel__header">
        <h2 className="analysis-panel__title">Analysis</h2>
        <label className="analysis-panel__toggle">
          <input type="checkbox" checked={badges} onChange={(event) => badgesShown.save(event.target.checked)} data-testid="analysis-badges-toggle" />
          Badges on shapes
        </label>
        <button type="button" className="canvas-panel__close" aria-label="Close the analysis panel" onClick={() => analysis.panelOpen.set(false)}>
          ×
        </button>
      </header>
      <div className="analysis-panel__body">
        {result.summary.components === 0 ? (
          <p className="analysis-panel__empty" data-testid="analysis-empty">
            Nothing to analyse yet. Place components from the library and connect them with arrows (caller to callee): the
            analysis then shows the request paths, their availability and latency, and what to look at.
          </p>
        ) : (
          <>
            <AnalysisTotals result={result} />
            {!hasNumbers(result) && (
              <p className="analysis-panel__hint" data-testid="analysis-unannotated">
                No numbers yet: select a component and set its instance availability (or MTBF and MTTR), replicas, latency SLOs,
                capacity and cost in the inspector. The findings below name what each path is missing.
              </p>
            )}
            <h3 className="analysis-panel__section">Findings</h3>
            <FindingList findings={result.findings} canEdit={canEdit} />
            {result.entries.length > 0 && (
              <>
                <h3 className="analysis-panel__section">Entries and paths</h3>
                <PathTable result={result} />
              </>
            )}
          </>
        )}
      </div>
    </aside>
  )
}
