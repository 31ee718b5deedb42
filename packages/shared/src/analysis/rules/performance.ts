import { numberOf } from '../graph.ts'
import type { AnalysisModel } from '../model.ts'
import { isSync } from '../semantics.ts'
import type { Rule, RuleHit } from './rule.ts'
import { componentsOf, nameOf } from './naming.ts'

/** The region a component is in (its nearest region container), if any. */
function regionOf(model: AnalysisModel, id: string): string | undefined {
  return model.graph.components.get(id)!.containers.find((container) => model.graph.containers.get(container)!.kind === 'region')
}

function latencyBudget(model: AnalysisModel): RuleHit[] {
  const hits: RuleHit[] = []
  for (const path of model.paths) {
    const entry = model.graph.components.get(path.shapes[0]!)!
    for (const [slo, measured] of [
      ['latencyP50', path.latencyP50],
      ['latencyP99', path.latencyP99],
    ] as const) {
      const budget = numberOf(entry.properties, slo)
      if (budget === null || measured === null || measured <= budget) continue
      hits.push({ shapes: path.shapes, message: `The path ${path.shapes.map((id) => nameOf(model, id)).join(' → ')} needs ${measured} ms at ${slo.slice(-3)}, over the entry’s ${budget} ms.` })
    }
  }
  return hits
}

export const PERFORMANCE_RULES: Rule[] = [
  {
    id: 'latency-budget-exceeded',
    topic: 'performance',
    severity: 'warning',
    concerns: 'request path',
    detection: 'A request path whose summed latency (callees’ latency SLOs plus the calls’ expected latencies) exceeds the entry’s latency SLO, at p50 or p99.',
    rationale: 'Synchronous calls add up: the entry cannot answer faster than the chain it waits for.',
    falsePositives: 'Calls made in parallel add their maximum, not their sum; percentiles do not add exactly (the sum of p99s overstates the p99 of the sum).',
    detect: latencyBudget,
  },
  {
    id: 'timeout-below-callee-latency',
    topic: 'performance',
    severity: 'warning',
    concerns: 'connection',
    detection: 'A call whose timeout is shorter than the callee’s p99 latency SLO.',
    rationale: 'More than 1 % of calls time out while the callee is within its own SLO, and their retries add load.',
    falsePositives: 'A deliberate hedge (a cache call that falls back to the database) may time out early on purpose.',
    detect: (model) =>
      model.graph.connections.flatMap((connection) => {
        const timeout = numberOf(connection.properties, 'timeout')
        const p99 = numberOf(model.graph.components.get(connection.to)!.properties, 'latencyP99')
        if (timeout === null || p99 === null || timeout >= p99) return []
        return [{ shapes: [connection.id], message: `The call to ${nameOf(model, connection.to)} times out after ${timeout} ms, below its p99 of ${p99} ms.` }]
      }),
  },
  {
    id: 'cold-start-exceeds-p99',
    topic: 'performance',
    severity: 'warning',
    concerns: 'serverless function',
    detection: 'A serverless function whose cold start is longer than its p99 latency SLO.',
    rationale: 'Cold starts land in the tail: when instances are added, the p99 cannot be met.',
    falsePositives: 'Functions kept warm (provisioned concurrency) do not cold-start under steady load.',
    detect: (model) =>
      componentsOf(model, 'serverless-function').flatMap((component) => {
        const cold = numberOf(component.properties, 'coldStart')
        const p99 = numberOf(component.properties, 'latencyP99')
        return cold !== null && p99 !== null && cold > p99 ? [{ shapes: [component.id], message: `${nameOf(model, component.id)} cold-starts in ${cold} ms, over its p99 of ${p99} ms.` }] : []
      }),
  },
  {
    id: 'sync-call-across-domains',
    topic: 'performance',
    severity: 'warning',
    concerns: 'connection',
    detection: 'A synchronous call between components in different regions.',
    rationale: 'A cross-region round trip costs tens of milliseconds and a region partition fails the caller too; asynchronous replication or a local copy keeps regions independent.',
    falsePositives: 'A global control-plane call made rarely (at login) costs little.',
    detect: (model) =>
      model.graph.connections.flatMap((connection) => {
        if (!isSync(connection)) return []
        const from = regionOf(model, connection.from)
        const to = regionOf(model, connection.to)
        if (from === undefined || to === undefined || from === to) return []
        return [{ shapes: [connection.id], message: `${nameOf(model, connection.from)} waits for ${nameOf(model, connection.to)} in another region.` }]
      }),
  },
]
