import { numberOf, textOf } from '../graph.ts'
import { stateOf } from '../semantics.ts'
import type { Rule } from './rule.ts'
import { componentsOf, nameOf, percent } from './naming.ts'

/** Utilisation above which latency climbs steeply (queueing) and a warning is raised. */
const BUSY = 0.7
/** Policies that add instances on their own. */
const AUTOMATIC_SCALING = new Set(['cpu', 'request-rate', 'queue-depth', 'latency', 'scheduled', 'predictive'])

export const SCALABILITY_RULES: Rule[] = [
  {
    id: 'capacity-exceeded',
    topic: 'scalability',
    severity: 'warning',
    concerns: 'component with a capacity',
    detection: 'Offered load over capacity × instances above 70 % (warning) or above 100 % (error).',
    rationale: 'Above 100 % the queue grows without bound; above about 70 % waiting time rises steeply (M/M/1: W = 1/(μ−λ)).',
    falsePositives: 'Load estimates from a user population are peak figures; averaged load may be lower. Caches in front (hit ratios) are not subtracted.',
    detect: (model) =>
      componentsOf(model).flatMap((component) => {
        const used = model.utilisation.get(component.id)
        if (used === null || used === undefined || used <= BUSY) return []
        return [{ shapes: [component.id], severity: used > 1 ? 'error' : 'warning', message: `${nameOf(model, component.id)} runs at ${percent(used)} of its capacity.` }]
      }),
  },
  {
    id: 'replicas-out-of-order',
    topic: 'elasticity',
    severity: 'error',
    concerns: 'component with replica counts',
    detection: 'Desired replicas below the minimum or above the maximum, or a minimum above the maximum.',
    rationale: 'The autoscaler can never hold such a count: the numbers on the board describe no running system.',
    falsePositives: 'None.',
    detect: (model) =>
      componentsOf(model).flatMap((component) => {
        const min = numberOf(component.properties, 'replicasMin')
        const desired = numberOf(component.properties, 'replicasDesired')
        const max = numberOf(component.properties, 'replicasMax')
        const broken = (min !== null && desired !== null && desired < min) || (max !== null && desired !== null && desired > max) || (min !== null && max !== null && min > max)
        return broken ? [{ shapes: [component.id], message: `${nameOf(model, component.id)} has replicas min ${min ?? '–'}, desired ${desired ?? '–'}, max ${max ?? '–'}.` }] : []
      }),
  },
  {
    id: 'autoscaling-unbounded',
    topic: 'elasticity',
    severity: 'warning',
    concerns: 'autoscaled component',
    detection: 'An automatic scaling policy with no maximum replica count.',
    rationale: 'Without a ceiling a load spike (or a retry storm) scales cost and the load on dependencies without limit.',
    falsePositives: 'Serverless platforms with an account-level concurrency limit set elsewhere.',
    detect: (model) =>
      componentsOf(model)
        .filter((component) => AUTOMATIC_SCALING.has(textOf(component.properties, 'autoscaling') ?? '') && numberOf(component.properties, 'replicasMax') === null)
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)} autoscales with no maximum.` })),
  },
  {
    id: 'autoscaling-no-range',
    topic: 'elasticity',
    severity: 'info',
    concerns: 'autoscaled component',
    detection: 'An automatic scaling policy with equal minimum and maximum replica counts.',
    rationale: 'The autoscaler has nothing to do: the component is not elastic.',
    falsePositives: 'A range kept closed on purpose during a migration.',
    detect: (model) =>
      componentsOf(model).flatMap((component) => {
        const min = numberOf(component.properties, 'replicasMin')
        if (!AUTOMATIC_SCALING.has(textOf(component.properties, 'autoscaling') ?? '') || min === null || min !== numberOf(component.properties, 'replicasMax')) return []
        return [{ shapes: [component.id], message: `${nameOf(model, component.id)} autoscales between ${min} and ${min} replicas.` }]
      }),
  },
  {
    id: 'stateful-autoscaling',
    topic: 'elasticity',
    severity: 'warning',
    concerns: 'stateful component',
    detection: 'A stateful component scaled automatically on load.',
    rationale: 'Adding or removing a stateful instance moves data (rebalancing); doing it on every load swing costs more than it saves.',
    falsePositives: 'Stores designed for it (consistent hashing with vnodes, managed storage that rebalances transparently).',
    detect: (model) =>
      componentsOf(model)
        .filter((component) => stateOf(component) === 'stateful' && AUTOMATIC_SCALING.has(textOf(component.properties, 'autoscaling') ?? ''))
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)} is stateful and scaled automatically.` })),
  },
  {
    id: 'single-partition-log',
    topic: 'scalability',
    severity: 'warning',
    concerns: 'partitioned log',
    detection: 'A partitioned log with one partition.',
    rationale: 'A partition is read by one consumer of a group: one partition caps consumption at one consumer.',
    falsePositives: 'A log that needs a total order over all records has to use one partition.',
    detect: (model) =>
      componentsOf(model, 'partitioned-log')
        .filter((component) => numberOf(component.properties, 'partitions') === 1)
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)} has one partition: only one consumer per group can read it.` })),
  },
]
