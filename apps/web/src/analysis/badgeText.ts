import type { Finding, Severity } from '@concord/shared'
import { SEVERITY_LABELS } from './findingGroups.ts'

/** A badge's accessible name and hover text: how many, the worst, and every message. */
export function badgeLabel(findings: readonly Finding[], worst: Severity): string {
  const count = `${findings.length} open ${findings.length === 1 ? 'finding' : 'findings'}, worst: ${SEVERITY_LABELS[worst].toLowerCase()}`
  return [count, ...findings.map((finding) => `${SEVERITY_LABELS[finding.severity]}: ${finding.message}`)].join('\n')
}
