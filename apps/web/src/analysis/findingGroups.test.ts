import type { Finding } from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { badgeLabel } from './badgeText.ts'
import { groupFindings, openFindingsByShape, worstSeverity } from './findingGroups.ts'

const finding = (rule: string, topic: Finding['topic'], severity: Finding['severity'], shapes: string[], notApplicable = false): Finding => ({
  rule,
  topic,
  severity,
  shapes,
  message: `${rule} on ${shapes.join(', ')}`,
  notApplicable,
  justification: notApplicable ? 'Why not.' : null,
})

describe('findings in the panel and on badges', () => {
  const findings = [
    finding('no-monitoring', 'operability', 'info', []),
    finding('spof', 'availability', 'warning', ['shape:db']),
    finding('slo-unreachable', 'availability', 'error', ['shape:api']),
    finding('manual-failover', 'availability', 'warning', ['shape:db'], true),
    finding('quorum-no-overlap', 'consistency', 'error', ['shape:db']),
  ]

  it('groups by topic in the course’s order, open findings by severity before acknowledged ones', () => {
    const groups = groupFindings(findings)
    expect(groups.map((group) => group.topic)).toEqual(['consistency', 'availability', 'operability'])
    expect(groups[1]!.findings.map((f) => f.rule)).toEqual(['slo-unreachable', 'spof', 'manual-failover'])
    expect(groups[1]!.open).toBe(2)
  })

  it('gives each shape its open findings, and a badge names the worst and every message', () => {
    const byShape = openFindingsByShape(findings)
    expect(byShape.get('shape:db')!.map((f) => f.rule)).toEqual(['spof', 'quorum-no-overlap'])
    const worst = worstSeverity(byShape.get('shape:db')!.map((f) => f.severity))!
    expect(worst).toBe('error')
    expect(badgeLabel(byShape.get('shape:db')!, worst)).toBe(
      '2 open findings, worst: error\nWarning: spof on shape:db\nError: quorum-no-overlap on shape:db',
    )
    expect(worstSeverity([])).toBeNull()
  })
})
