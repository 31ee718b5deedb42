import type { Finding, RuleTopic, Severity } from '@concord/shared'

export const TOPIC_LABELS: Record<RuleTopic, string> = {
  consistency: 'Consistency',
  availability: 'Availability',
  scalability: 'Scalability',
  elasticity: 'Elasticity',
  performance: 'Performance',
  security: 'Security',
  cost: 'Cost',
  operability: 'Operability',
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' }

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

export interface FindingGroup {
  topic: RuleTopic
  /** Open findings, errors first, then the acknowledged (not applicable) ones. */
  findings: Finding[]
  open: number
}

/** The worst of some severities, or null for none. */
export function worstSeverity(severities: Iterable<Severity>): Severity | null {
  let worst: Severity | null = null
  for (const severity of severities) if (worst === null || SEVERITY_RANK[severity] < SEVERITY_RANK[worst]) worst = severity
  return worst
}

/**
 * Findings grouped by topic, topics in the course's order (only those with findings), each
 * topic's open findings by severity (errors first) before its acknowledged ones.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = []
  for (const topic of Object.keys(TOPIC_LABELS) as RuleTopic[]) {
    const ofTopic = findings.filter((finding) => finding.topic === topic)
    if (ofTopic.length === 0) continue
    const rank = (finding: Finding) => (finding.notApplicable ? 3 : 0) + SEVERITY_RANK[finding.severity]
    groups.push({ topic, findings: [...ofTopic].sort((a, b) => rank(a) - rank(b)), open: ofTopic.filter((finding) => !finding.notApplicable).length })
  }
  return groups
}

/** Each shape's open findings (for its badge), by shape id. */
export function openFindingsByShape(findings: readonly Finding[]): Map<string, Finding[]> {
  const byShape = new Map<string, Finding[]>()
  for (const finding of findings) {
    if (finding.notApplicable) continue
    for (const id of finding.shapes) byShape.set(id, [...(byShape.get(id) ?? []), finding])
  }
  return byShape
}
