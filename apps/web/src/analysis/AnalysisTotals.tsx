import type { AnalysisResult } from '@concord/shared'
import { formatAvailability, formatCost } from './displayNumbers.ts'

/** The board's totals: what it holds, what is open, its worst entry and its monthly cost. */
export function AnalysisTotals({ result }: { result: AnalysisResult }) {
  const { summary, findings } = result
  const acknowledged = findings.filter((finding) => finding.notApplicable).length
  return (
    <dl className="analysis-totals" data-testid="analysis-totals">
      <div>
        <dt>Components</dt>
        <dd>{summary.components}</dd>
      </div>
      <div>
        <dt>Connections</dt>
        <dd>{summary.connections}</dd>
      </div>
      <div>
        <dt>Worst entry</dt>
        <dd data-testid="analysis-worst-availability">{formatAvailability(summary.worstAvailability)}</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd>{formatCost(summary.costPerMonth)}</dd>
      </div>
      <div className="analysis-totals__wide">
        <dt>Open findings</dt>
        <dd data-testid="analysis-counts">
          {summary.errors} {summary.errors === 1 ? 'error' : 'errors'}, {summary.warnings} {summary.warnings === 1 ? 'warning' : 'warnings'}, {summary.infos} info
          {acknowledged > 0 && `; ${acknowledged} not applicable`}
        </dd>
      </div>
    </dl>
  )
}
