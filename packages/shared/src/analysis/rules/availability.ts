import { numberOf, textOf } from '../graph.ts'
import type { AnalysisModel } from '../model.ts'
import { CLIENT_KINDS } from '../semantics.ts'
import type { Rule, RuleHit } from './rule.ts'
import { componentsOf, nameOf, percent } from './naming.ts'

/** Placements that put every instance in one failure domain. */
const NARROW_PLACEMENTS = new Set(['single-node', 'single-rack', 'single-zone'])
/** Container kinds narrower than a region: alternatives all inside one of them fall together. */
const NARROW_DOMAINS = new Set(['zone', 'rack', 'datacenter', 'cluster', 'edge-site'])
/** How much an SLO may exceed what is reachable before it counts (rounding of percentages). */
const SLO_TOLERANCE = 1e-7

/** Components an entry cannot do without and that tolerate no instance failure. */
function singlePoints(model: AnalysisModel): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const entry of model.topology.entries) {
    for (const id of model.critical.get(entry)!) {
      const component = model.graph.components.get(id)!
      const { n, k } = model.quorum.get(id)!
      if (id === entry || CLIENT_KINDS.has(component.kind) || k < n) continue
      out.set(id, [...(out.get(id) ?? []), entry])
    }
  }
  return out
}

/**
 * The most a component can reach given its dependencies: the product of the effective
 * availabilities of the components it cannot do without (an upper bound on its block diagram).
 */
function reachableCeiling(model: AnalysisModel, id: string): number | null {
  let product = 1
  for (const member of model.critical.get(id) ?? [id]) {
    const value = model.effective.get(member)!
    if (value === null) return null
    product *= value
  }
  return product
}

function correlated(model: AnalysisModel): RuleHit[] {
  const hits: RuleHit[] = []
  for (const component of componentsOf(model)) {
    const placement = textOf(component.properties, 'placement')
    const { n } = model.quorum.get(component.id)!
    if (n > 1 && placement !== null && NARROW_PLACEMENTS.has(placement)) {
      hits.push({ shapes: [component.id], message: `${nameOf(model, component.id)} runs ${n} instances placed ${placement.replace('single-', 'in one ')}: one failure there takes them all.` })
    }
  }
  for (const [id, groups] of model.topology.groups) {
    for (const group of groups) {
      if (group.length < 2) continue
      const domains = group.map((member) => model.graph.components.get(member)!.containers.find((container) => NARROW_DOMAINS.has(model.graph.containers.get(container)!.kind)))
      if (domains[0] !== undefined && domains.every((domain) => domain === domains[0])) {
        const where = model.graph.containers.get(domains[0])!.name || domains[0]
        hits.push({ shapes: group, message: `The alternatives behind ${nameOf(model, id)} all sit in “${where}”: its failure takes them all.` })
      }
    }
  }
  return hits
}

export const AVAILABILITY_RULES: Rule[] = [
  {
    id: 'spof',
    topic: 'availability',
    severity: 'warning',
    concerns: 'component on a request path',
    detection: 'A non-entry component whose failure alone breaks an entry (no alternative takes over) and whose instances tolerate no failure (k = n).',
    rationale: 'A single point of failure caps the availability of everything that depends on it; it is a cut set of size one.',
    falsePositives: 'Managed services (DNS, a cloud load balancer) are replicated by their provider even when the board shows one instance: set their replicas or instance availability.',
    detect: (model) =>
      [...singlePoints(model)].map(([id, entries]) => ({
        shapes: [id],
        message: `${nameOf(model, id)} is a single point of failure for ${entries.map((entry) => nameOf(model, entry)).join(', ')}.`,
      })),
  },
  {
    id: 'slo-unreachable',
    topic: 'availability',
    severity: 'error',
    concerns: 'component or entry with an availability SLO',
    detection: 'An availability SLO above what the component can reach: for an entry its computed availability, for any other component the product of the components it cannot do without.',
    rationale: 'A component cannot be more available than the synchronous dependencies it needs; the SLO is a promise the design cannot keep.',
    falsePositives: 'Fallbacks the board does not model (serving from cache, degrading a feature) can keep answering while a dependency is down.',
    detect: (model) =>
      componentsOf(model).flatMap((component) => {
        const slo = numberOf(component.properties, 'availability')
        if (slo === null || !model.reachable.has(component.id)) return []
        const entry = model.entries.find((candidate) => candidate.id === component.id)
        const reachable = entry ? entry.availability : reachableCeiling(model, component.id)
        if (reachable === null || slo / 100 <= reachable + SLO_TOLERANCE) return []
        return [{ shapes: [component.id], message: `${nameOf(model, component.id)} promises ${slo} % but its synchronous dependencies allow at most ${percent(reachable)}.` }]
      }),
  },
  {
    id: 'correlated-replicas',
    topic: 'availability',
    severity: 'warning',
    concerns: 'replicated component, alternatives behind a balancer',
    detection: 'Several instances placed on one node, rack or zone, or alternatives behind a balancer all inside one zone, rack, data centre, cluster or edge site.',
    rationale: 'Replicas in one failure domain fail together, so the k-of-n arithmetic overstates their availability.',
    falsePositives: 'Replicas kept together for latency on purpose, with a disaster-recovery copy elsewhere not drawn on the board.',
    detect: correlated,
  },
  {
    id: 'manual-failover',
    topic: 'availability',
    severity: 'warning',
    concerns: 'relational database on a request path',
    detection: 'A relational database on a request path whose failover is not automatic.',
    rationale: 'Until someone promotes a follower by hand, only the leader serves: the leader is the database’s availability.',
    falsePositives: 'Teams that prefer a human decision to avoid split brain accept the longer outage knowingly.',
    detect: (model) =>
      componentsOf(model, 'relational-db')
        .filter((component) => model.reachable.has(component.id) && textOf(component.properties, 'failover') !== 'automatic')
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)} fails over by hand: while its leader is down, requests fail.` })),
  },
  {
    id: 'external-without-fallback',
    topic: 'availability',
    severity: 'warning',
    concerns: 'external dependency on a request path',
    detection: 'An external dependency called synchronously with no fallback.',
    rationale: 'Its outages become yours, and its fixes are not in your hands.',
    falsePositives: 'A dependency without which the feature makes no sense (identity at login) may have no fallback by design.',
    detect: (model) =>
      componentsOf(model, 'external-dependency')
        .filter((component) => model.reachable.has(component.id) && (textOf(component.properties, 'fallback') ?? 'none') === 'none')
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)} is called synchronously and has no fallback.` })),
  },
  {
    id: 'rpo-needs-sync-replication',
    topic: 'availability',
    severity: 'error',
    concerns: 'relational database',
    detection: 'An RPO of 0 with asynchronous or multi-leader replication.',
    rationale: 'Asynchronous replication acknowledges writes the followers have not seen; losing the leader loses them, so the RPO is not 0.',
    falsePositives: 'A durable shared disk under the leader (not drawn) can give RPO 0 for machine failures, not for the loss of the disk.',
    detect: (model) =>
      componentsOf(model).flatMap((component) => {
        const replication = textOf(component.properties, 'replication')
        if (numberOf(component.properties, 'rpo') !== 0 || (replication !== 'leader-async' && replication !== 'multi-leader')) return []
        return [{ shapes: [component.id], message: `${nameOf(model, component.id)} promises RPO 0 with ${replication} replication.` }]
      }),
  },
  {
    id: 'min-insync-blocks-writes',
    topic: 'availability',
    severity: 'warning',
    concerns: 'partitioned log',
    detection: 'A partitioned log whose min in-sync replicas equal (or exceed) its replication factor, with acks=all.',
    rationale: 'With acks=all a write needs min in-sync replicas; if that is every replica, the loss of one broker stops all writes to its partitions.',
    falsePositives: 'None known when acks=all: lower min in-sync by one to tolerate a broker loss.',
    detect: (model) =>
      componentsOf(model, 'partitioned-log').flatMap((component) => {
        const rf = numberOf(component.properties, 'replicationFactor')
        const isr = numberOf(component.properties, 'minInSync')
        if (rf === null || isr === null || isr < rf || (textOf(component.properties, 'acks') ?? 'all') !== 'all') return []
        return [{ shapes: [component.id], message: `${nameOf(model, component.id)} needs ${isr} in-sync replicas of ${rf}: one broker down stops writes.` }]
      }),
  },
  {
    id: 'even-consensus-ensemble',
    topic: 'availability',
    severity: 'warning',
    concerns: 'coordination service',
    detection: 'A consensus ensemble with an even number of members.',
    rationale: 'A majority of 2f+2 members tolerates f failures, like 2f+1: the extra member adds cost and a failure point but no fault tolerance.',
    falsePositives: 'A temporary even size during a membership change.',
    detect: (model) =>
      componentsOf(model, 'coordination-service').flatMap((component) => {
        const size = numberOf(component.properties, 'ensembleSize')
        return size !== null && size >= 2 && size % 2 === 0
          ? [{ shapes: [component.id], message: `${nameOf(model, component.id)} has ${size} members: it tolerates no more failures than ${size - 1}.` }]
          : []
      }),
  },
  {
    id: 'single-member-ensemble',
    topic: 'availability',
    severity: 'warning',
    concerns: 'coordination service',
    detection: 'A consensus ensemble of one member.',
    rationale: 'One member is a single point of failure for every leader election and lock that depends on it.',
    falsePositives: 'Development setups.',
    detect: (model) =>
      componentsOf(model, 'coordination-service')
        .filter((component) => numberOf(component.properties, 'ensembleSize') === 1)
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)} has a single member.` })),
  },
  {
    id: 'availability-bounded',
    topic: 'availability',
    severity: 'info',
    concerns: 'entry',
    detection: 'An entry whose availability is a lower bound, because too many shared components sit below it to condition on all of them.',
    rationale: 'The exact reliability-block-diagram evaluation is exponential in the shared components; beyond a budget the analysis reports a bound.',
    falsePositives: 'None: the number shown is a lower bound, the true availability is at least that.',
    detect: (model) =>
      model.entries
        .filter((entry) => !entry.exact && entry.availability !== null)
        .map((entry) => ({ shapes: [entry.id], message: `The availability of ${nameOf(model, entry.id)} (${percent(entry.availability!)}) is a lower bound.` })),
  },
  {
    id: 'slo-read-as-instance',
    topic: 'availability',
    severity: 'info',
    concerns: 'component',
    detection: 'A component with no instance availability, MTBF/MTTR or SLA, whose availability SLO is read as one instance’s availability.',
    rationale: 'The SLO is a target, not a measurement; the numbers are only as good as this reading.',
    falsePositives: 'None: set `instanceAvailability` (or MTBF and MTTR) to silence it.',
    detect: (model) =>
      componentsOf(model)
        .filter((component) => model.instance.get(component.id)!.source === 'slo' && model.reachable.has(component.id))
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)}: its availability SLO is read as the availability of one instance.` })),
  },
]
