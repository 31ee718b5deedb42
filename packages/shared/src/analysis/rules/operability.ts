import { findKind } from '../../catalog/catalog.ts'
import { findProperty } from '../../catalog/props.ts'
import { numberOf, textOf } from '../graph.ts'
import type { AnalysisModel } from '../model.ts'
import { isOperations } from '../semantics.ts'
import { MAX_PATHS, MAX_PATHS_PER_ENTRY } from '../paths.ts'
import type { Rule } from './rule.ts'
import { componentsOf, nameOf } from './naming.ts'

/** Backoff policies that spread retries out. */
const BACKING_OFF = new Set(['exponential', 'exponential-jitter'])
/** API idempotency values that make a redelivered request harmless. */
const IDEMPOTENT = new Set(['all', 'keys'])

export const OPERABILITY_RULES: Rule[] = [
  {
    id: 'at-least-once-without-idempotence',
    topic: 'operability',
    severity: 'warning',
    concerns: 'connection into a service with an idempotency property',
    detection: 'An at-least-once connection into a component whose API is not idempotent (idempotency unset or reads only).',
    rationale: 'At-least-once delivery repeats messages; a non-idempotent receiver applies them twice (double charges, duplicate orders).',
    falsePositives: 'Receivers that deduplicate by message id in their own store.',
    detect: (model) =>
      model.graph.connections.flatMap((connection) => {
        const callee = model.graph.components.get(connection.to)!
        const kind = findKind(callee.kind)
        if (textOf(connection.properties, 'delivery') !== 'at-least-once' || !kind || !findProperty(kind, 'idempotency')) return []
        if (IDEMPOTENT.has(textOf(callee.properties, 'idempotency') ?? '')) return []
        return [{ shapes: [connection.id, callee.id], message: `${nameOf(model, callee.id)} receives at-least-once calls but its API is not idempotent.` }]
      }),
  },
  {
    id: 'retry-without-timeout',
    topic: 'operability',
    severity: 'warning',
    concerns: 'connection',
    detection: 'A connection with retries and no timeout.',
    rationale: 'A retry only happens after a failure is detected; without a timeout a hung callee holds the caller forever and the retries never fire.',
    falsePositives: 'Client libraries with a default timeout not written on the board.',
    detect: (model) =>
      model.graph.connections
        .filter((connection) => (numberOf(connection.properties, 'retries') ?? 0) > 0 && numberOf(connection.properties, 'timeout') === null)
        .map((connection) => ({ shapes: [connection.id], message: `The call to ${nameOf(model, connection.to)} retries but has no timeout.` })),
  },
  {
    id: 'retry-storm-risk',
    topic: 'operability',
    severity: 'warning',
    concerns: 'connection, web client',
    detection: 'Two or more retries without exponential backoff, any retry with backoff explicitly none, or a client that retries immediately.',
    rationale: 'Retries in lockstep multiply the load on a callee exactly when it is struggling, and keep it down after it recovers.',
    falsePositives: 'A single retry to another replica (hedging) on an idle path.',
    detect: (model) => [
      ...model.graph.connections
        .filter((connection) => {
          const retries = numberOf(connection.properties, 'retries') ?? 0
          const backoff = textOf(connection.properties, 'backoff')
          // One retry at most doubles the load; more, or retrying with no pause at all, multiplies it.
          return (retries >= 2 && !BACKING_OFF.has(backoff ?? '')) || (retries > 0 && backoff === 'none')
        })
        .map((connection) => ({ shapes: [connection.id], message: `The call to ${nameOf(model, connection.to)} retries without exponential backoff.` })),
      ...componentsOf(model, 'web-client')
        .filter((component) => textOf(component.properties, 'retryPolicy') === 'immediate')
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)} retries immediately.` })),
    ],
  },
  {
    id: 'queue-without-dead-letter',
    topic: 'operability',
    severity: 'info',
    concerns: 'message queue',
    detection: 'An at-least-once message queue without a dead-letter queue.',
    rationale: 'A message that always fails is redelivered forever, blocking or slowing its consumers.',
    falsePositives: 'Consumers that park poison messages themselves.',
    detect: (model) =>
      componentsOf(model, 'message-queue')
        .filter((component) => (textOf(component.properties, 'delivery') ?? 'at-least-once') === 'at-least-once' && component.properties.deadLetter !== true)
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)} has no dead-letter queue.` })),
  },
  {
    id: 'no-monitoring',
    topic: 'operability',
    severity: 'info',
    concerns: 'board',
    detection: 'A design with connections but no monitoring component.',
    rationale: 'Without monitoring nobody sees an SLO being missed, and autoscaling has no signal.',
    falsePositives: 'Monitoring run by a platform team outside the board.',
    detect: (model) =>
      model.graph.connections.length > 0 && !componentsOf(model).some(isOperations)
        ? [{ shapes: [], message: 'Nothing on the board monitors the system.' }]
        : [],
  },
  {
    id: 'dependency-cycle',
    topic: 'operability',
    severity: 'warning',
    concerns: 'synchronous connections',
    detection: 'A cycle of synchronous calls.',
    rationale: 'Components that wait on each other deadlock under load and cannot be started or recovered one at a time; the analysis does not follow the cycle.',
    falsePositives: 'Callbacks on different endpoints that never wait for each other: mark one call async.',
    detect: (model) =>
      model.topology.cycles.map((cycle) => ({ shapes: cycle, message: `Synchronous calls form a cycle: ${[...cycle, cycle[0]!].map((id) => nameOf(model, id)).join(' → ')}.` })),
  },
  {
    id: 'missing-property',
    topic: 'operability',
    severity: 'warning',
    concerns: 'component on a request path',
    detection: 'A component on a request path whose instance availability cannot be computed (no instance availability, MTBF and MTTR, SLA or SLO), or whose latency SLO is needed by an entry’s latency budget.',
    rationale: 'One unknown makes the availability or latency of every path through it unknown.',
    falsePositives: 'None: the numbers stay null until the property is set.',
    detect: (model) => [
      ...componentsOf(model)
        .filter((component) => model.reachable.has(component.id) && model.instance.get(component.id)!.source === 'unknown')
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)} needs instanceAvailability (or mtbf and mttr, or an availability SLO).` })),
      ...[...latencyGaps(model)].map(([id, slo]) => ({ shapes: [id], severity: 'info' as const, message: `${nameOf(model, id)} needs ${slo} for the latency budget of the paths through it.` })),
    ],
  },
  {
    id: 'paths-truncated',
    topic: 'operability',
    severity: 'info',
    concerns: 'board',
    detection: `More request paths than listed (${MAX_PATHS_PER_ENTRY} per entry, ${MAX_PATHS} per board).`,
    rationale: 'Paths multiply with fan-out; the listing is bounded so the analysis stays fast. Entry availability does not depend on the listing.',
    falsePositives: 'None.',
    detect: (model) => (model.pathsTruncated ? [{ shapes: [], message: 'Some request paths are not listed: path latencies cover the first ones only.' }] : []),
  },
]

/** Components on paths from entries with a latency SLO that lack the same SLO. */
function latencyGaps(model: AnalysisModel): Map<string, string> {
  const gaps = new Map<string, string>()
  for (const path of model.paths) {
    const entry = model.graph.components.get(path.shapes[0]!)!
    for (const slo of ['latencyP50', 'latencyP99']) {
      if (numberOf(entry.properties, slo) === null) continue
      for (const id of path.shapes.slice(1)) if (numberOf(model.graph.components.get(id)!.properties, slo) === null && !gaps.has(id)) gaps.set(id, slo)
    }
  }
  return gaps
}
