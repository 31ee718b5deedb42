import { findKind } from '../catalog/catalog.ts'
import { COMMON_PROPERTIES } from '../catalog/common-properties.ts'
import { findProperty } from '../catalog/props.ts'
import type { PropertyDef } from '../catalog/types.ts'
import { formatPropertyValue } from '../catalog/values.ts'
import { numberOf, type DesignComponent } from '../analysis/graph.ts'
import type { AnalysisResult, Finding } from '../analysis/types.ts'

export type Verdict = 'met' | 'not met' | 'not computable'

/** One non-functional claim of a component beside what the analysis computes. */
export interface QualityRow {
  componentId: string
  component: string
  /** The claimed property's label, e.g. "Availability SLO". */
  claim: string
  claimed: string
  /** What the analysis computes for it, as shown; null when it computes nothing. */
  computed: string | null
  verdict: Verdict
  reason: string
}

/** The properties that state a non-functional claim, in report order. */
export const CLAIM_PROPERTIES = ['availability', 'latencyP50', 'latencyP99', 'consistency', 'rpo', 'rto', 'throughput'] as const

type Claim = (typeof CLAIM_PROPERTIES)[number]
type Judgement = Pick<QualityRow, 'computed' | 'verdict' | 'reason'>

/** A component property's definition; a kind the catalog does not know still has the common set. */
export function componentProperty(kindId: string, id: string): PropertyDef | undefined {
  const kind = findKind(kindId)
  return kind ? findProperty(kind, id) : COMMON_PROPERTIES.find((def) => def.id === id)
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(6))} %`
}

function findingOn(findings: readonly Finding[], id: string, match: (finding: Finding) => boolean): Finding | undefined {
  return findings.find((finding) => finding.shapes.includes(id) && match(finding))
}

function availability(component: DesignComponent, analysis: AnalysisResult, slo: number): Judgement {
  const entry = analysis.entries.find((candidate) => candidate.id === component.id)
  const onPath = entry !== undefined || analysis.paths.some((path) => path.shapes.includes(component.id))
  if (!onPath) return { computed: null, verdict: 'not computable', reason: 'It is on no request path from an entry.' }
  const value = entry ? entry.availability : analysis.components.find((candidate) => candidate.id === component.id)!.effectiveAvailability
  if (value === null) return { computed: null, verdict: 'not computable', reason: 'An instance availability it depends on is unknown.' }
  const computed = `${percent(value)} (${entry ? 'entry, over its request paths' : 'its instances'})`
  const unreachable = findingOn(analysis.findings, component.id, (finding) => finding.rule === 'slo-unreachable')
  if (unreachable) return { computed, verdict: 'not met', reason: unreachable.message }
  return { computed, verdict: 'met', reason: `The design reaches at least ${slo} %.` }
}

function latency(component: DesignComponent, analysis: AnalysisResult, slo: 'latencyP50' | 'latencyP99', budget: number): Judgement {
  const entry = analysis.entries.find((candidate) => candidate.id === component.id)
  if (!entry) return { computed: null, verdict: 'not computable', reason: 'A callee’s latency is an input: the analysis sums it along the request paths through it.' }
  const value = entry[slo]
  if (value === null) return { computed: null, verdict: 'not computable', reason: 'A latency on one of its request paths is unknown.' }
  const computed = `${value} ms (slowest request path)`
  if (value > budget) return { computed, verdict: 'not met', reason: `Its slowest request path needs ${value} ms, over ${budget} ms.` }
  return { computed, verdict: 'met', reason: 'Every request path fits in the budget.' }
}

function throughput(component: DesignComponent, analysis: AnalysisResult): Judgement {
  const used = analysis.components.find((candidate) => candidate.id === component.id)!.utilisation
  if (used === null) return { computed: null, verdict: 'not computable', reason: 'The load reaching it or its capacity per instance is unknown.' }
  const computed = `${percent(used)} utilisation`
  if (used > 1) return { computed, verdict: 'not met', reason: 'The load reaching it exceeds what its instances serve.' }
  return { computed, verdict: 'met', reason: 'Its instances serve the load reaching it.' }
}

function judge(claim: Claim, component: DesignComponent, analysis: AnalysisResult): Judgement {
  switch (claim) {
    case 'availability':
      return availability(component, analysis, numberOf(component.properties, claim)!)
    case 'latencyP50':
    case 'latencyP99':
      return latency(component, analysis, claim, numberOf(component.properties, claim)!)
    case 'throughput':
      return throughput(component, analysis)
    case 'consistency': {
      const contradiction = findingOn(analysis.findings, component.id, (finding) => finding.topic === 'consistency')
      if (contradiction) return { computed: 'contradicted', verdict: 'not met', reason: contradiction.message }
      return { computed: 'no contradiction found', verdict: 'met', reason: 'No consistency rule finds its replication or reads at odds with the claim.' }
    }
    case 'rpo': {
      const loss = findingOn(analysis.findings, component.id, (finding) => finding.rule === 'rpo-needs-sync-replication')
      if (loss) return { computed: 'data loss possible', verdict: 'not met', reason: loss.message }
      return { computed: null, verdict: 'not computable', reason: 'The analysis computes no recovery point; it only checks an RPO of 0 against asynchronous replication.' }
    }
    case 'rto':
      return { computed: null, verdict: 'not computable', reason: 'The analysis computes no recovery time.' }
  }
}

/** Every claim the components make, beside the analysis's own numbers and findings on them. */
export function qualityRows(components: Iterable<DesignComponent>, analysis: AnalysisResult): QualityRow[] {
  const rows: QualityRow[] = []
  for (const component of components) {
    for (const claim of CLAIM_PROPERTIES) {
      const value = component.properties[claim]
      const def = componentProperty(component.kind, claim)
      if (value === undefined || value === null || typeof value === 'object' || !def) continue
      rows.push({ componentId: component.id, component: component.name, claim: def.label, claimed: formatPropertyValue(def, value), ...judge(claim, component, analysis) })
    }
  }
  return rows
}
