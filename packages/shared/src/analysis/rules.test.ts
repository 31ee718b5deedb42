import { describe, expect, it } from 'vitest'
import type { JsonRecord } from '../model/codec.ts'
import { analyseRecords } from './analyse.ts'
import { RULES } from './rules/index.ts'
import { design, type TestComponent, type TestConnection } from './test-design.ts'

type Props = Record<string, string | number | boolean>

/** A caller in front of one component, so that component is on a request path. */
function called(kind: string, properties: Props, link: Props = {}): JsonRecord[] {
  return design([['client', 'web-client'], ['x', kind, properties]], [['client', 'x', link]])
}

function alone(kind: string, properties: Props): JsonRecord[] {
  return design([['x', kind, properties]])
}

function between(link: Props, from: Props = {}, to: Props = {}): JsonRecord[] {
  return design(
    [
      ['a', 'stateless-service', { instanceAvailability: 99, replicasDesired: 3, ...from }],
      ['b', 'stateless-service', { instanceAvailability: 99, replicasDesired: 3, ...to }],
    ],
    [['a', 'b', link]],
  )
}

/** Layers of two services, each calling both of the next layer: 2^layers request paths. */
function fanOut(layers: number): JsonRecord[] {
  const components: TestComponent[] = [['client', 'web-client']]
  const connections: TestConnection[] = []
  let previous = ['client']
  for (let layer = 0; layer < layers; layer++) {
    const current = [`l${layer}a`, `l${layer}b`]
    for (const ref of current) components.push([ref, 'stateless-service', { instanceAvailability: 99, replicasDesired: 2 }])
    for (const from of previous) for (const to of current) connections.push([from, to])
    previous = current
  }
  return design(components, connections)
}

/** Two alternatives behind a balancer, both calling `shared` caches. */
function sharedBelow(shared: number): JsonRecord[] {
  const caches = Array.from({ length: shared }, (_, i) => `c${i}`)
  return design(
    [
      ['lb', 'load-balancer', { instanceAvailability: 100 }],
      ['a1', 'stateless-service', { instanceAvailability: 99 }],
      ['a2', 'stateless-service', { instanceAvailability: 99 }],
      ...caches.map((ref): TestComponent => [ref, 'cache', { instanceAvailability: 99.9 }]),
    ],
    [['lb', 'a1'], ['lb', 'a2'], ...caches.flatMap((ref): TestConnection[] => [['a1', ref], ['a2', ref]])],
  )
}

const serviceAt = (availability: Props) => design(
  [
    ['client', 'web-client'],
    ['api', 'stateless-service', { instanceAvailability: 99.9, replicasDesired: 3, ...availability }],
    ['db', 'relational-db', { instanceAvailability: 99.9, failover: 'automatic' }],
  ],
  [
    ['client', 'api'],
    ['api', 'db'],
  ],
)

/** Two services in two containers of `kind`, the first calling the second. */
const apart = (kind: string, link: Props) => design(
  [
    ['a', 'stateless-service', {}, 'c1'],
    ['b', 'stateless-service', {}, 'c2'],
  ],
  [['a', 'b', link]],
  [
    ['c1', kind],
    ['c2', kind],
  ],
)

const budget = (connection: Props) => design(
  [
    ['client', 'web-client', { latencyP99: 100 }],
    ['api', 'stateless-service', { latencyP99: 80 }],
  ],
  [['client', 'api', connection]],
)

/** For every rule: a design on which it fires, and a near twin on which it must not. */
const CASES: Record<string, { fires: JsonRecord[]; quiet: JsonRecord[] }> = {
  'quorum-no-overlap': {
    fires: alone('kv-store', { n: 3, r: 1, w: 2, consistency: 'read-your-writes' }),
    quiet: alone('kv-store', { n: 3, r: 2, w: 2, consistency: 'read-your-writes' }),
  },
  'async-replication-linearizable': {
    fires: alone('relational-db', { replication: 'leader-async', consistency: 'linearizable' }),
    quiet: alone('relational-db', { replication: 'leader-sync', consistency: 'linearizable' }),
  },
  'stale-member-reads': {
    fires: alone('coordination-service', { reads: 'any-member', consistency: 'linearizable' }),
    quiet: alone('coordination-service', { reads: 'quorum', consistency: 'linearizable' }),
  },
  'pacelc-contradiction': {
    fires: alone('relational-db', { consistency: 'linearizable', pacelc: 'PA/EL' }),
    quiet: alone('relational-db', { consistency: 'linearizable', pacelc: 'PC/EC' }),
  },
  'log-weak-acks': {
    fires: alone('partitioned-log', { acks: '1', replicationFactor: 3 }),
    quiet: alone('partitioned-log', { acks: 'all', replicationFactor: 3 }),
  },
  'cache-without-expiry': {
    fires: alone('cache', { writePolicy: 'cache-aside' }),
    quiet: alone('cache', { writePolicy: 'cache-aside', ttl: 60_000 }),
  },
  spof: {
    fires: called('stateless-service', { instanceAvailability: 99 }),
    quiet: called('stateless-service', { instanceAvailability: 99, replicasDesired: 3 }),
  },
  'slo-unreachable': {
    fires: serviceAt({ availability: 99.99 }),
    quiet: serviceAt({ availability: 99.8 }),
  },
  'correlated-replicas': {
    fires: alone('stateless-service', { replicasDesired: 3, placement: 'single-zone' }),
    quiet: alone('stateless-service', { replicasDesired: 3, placement: 'multi-zone' }),
  },
  'manual-failover': {
    fires: called('relational-db', { failover: 'manual' }),
    quiet: called('relational-db', { failover: 'automatic' }),
  },
  'external-without-fallback': {
    fires: called('external-dependency', { fallback: 'none' }),
    quiet: called('external-dependency', { fallback: 'cached' }),
  },
  'rpo-needs-sync-replication': {
    fires: alone('relational-db', { rpo: 0, replication: 'leader-async' }),
    quiet: alone('relational-db', { rpo: 0, replication: 'leader-sync' }),
  },
  'min-insync-blocks-writes': {
    fires: alone('partitioned-log', { replicationFactor: 3, minInSync: 3, acks: 'all' }),
    quiet: alone('partitioned-log', { replicationFactor: 3, minInSync: 2, acks: 'all' }),
  },
  'even-consensus-ensemble': {
    fires: alone('coordination-service', { ensembleSize: 4 }),
    quiet: alone('coordination-service', { ensembleSize: 3 }),
  },
  'single-member-ensemble': {
    fires: alone('coordination-service', { ensembleSize: 1 }),
    quiet: alone('coordination-service', { ensembleSize: 3 }),
  },
  'availability-bounded': { fires: sharedBelow(24), quiet: sharedBelow(4) },
  'slo-read-as-instance': {
    fires: called('stateless-service', { availability: 99.9 }),
    quiet: called('stateless-service', { availability: 99.9, instanceAvailability: 99.9 }),
  },
  'capacity-exceeded': {
    fires: alone('stateless-service', { throughput: 100, capacity: 10 }),
    quiet: alone('stateless-service', { throughput: 100, capacity: 1000 }),
  },
  'replicas-out-of-order': {
    fires: alone('stateless-service', { replicasMin: 3, replicasDesired: 2 }),
    quiet: alone('stateless-service', { replicasMin: 2, replicasDesired: 3, replicasMax: 5 }),
  },
  'autoscaling-unbounded': {
    fires: alone('stateless-service', { autoscaling: 'cpu' }),
    quiet: alone('stateless-service', { autoscaling: 'cpu', replicasMax: 10 }),
  },
  'autoscaling-no-range': {
    fires: alone('stateless-service', { autoscaling: 'cpu', replicasMin: 3, replicasMax: 3 }),
    quiet: alone('stateless-service', { autoscaling: 'cpu', replicasMin: 2, replicasMax: 6 }),
  },
  'stateful-autoscaling': {
    fires: alone('relational-db', { autoscaling: 'cpu', replicasMax: 5 }),
    quiet: alone('stateless-service', { autoscaling: 'cpu', replicasMax: 5 }),
  },
  'single-partition-log': {
    fires: alone('partitioned-log', { partitions: 1 }),
    quiet: alone('partitioned-log', { partitions: 12 }),
  },
  'latency-budget-exceeded': { fires: budget({ latency: 30 }), quiet: budget({ latency: 10 }) },
  'timeout-below-callee-latency': {
    fires: between({ timeout: 50 }, {}, { latencyP99: 100 }),
    quiet: between({ timeout: 500 }, {}, { latencyP99: 100 }),
  },
  'cold-start-exceeds-p99': {
    fires: alone('serverless-function', { coldStart: 800, latencyP99: 300 }),
    quiet: alone('serverless-function', { coldStart: 100, latencyP99: 300 }),
  },
  'sync-call-across-domains': { fires: apart('region', { mode: 'sync' }), quiet: apart('region', { mode: 'async' }) },
  'unencrypted-across-domains': { fires: apart('zone', { encrypted: false }), quiet: apart('zone', { encrypted: true }) },
  'client-calls-datastore': {
    fires: design([['client', 'web-client'], ['db', 'relational-db']], [['client', 'db']]),
    quiet: design([['client', 'web-client'], ['api', 'stateless-service']], [['client', 'api']]),
  },
  'at-least-once-without-idempotence': {
    fires: between({ delivery: 'at-least-once' }),
    quiet: between({ delivery: 'at-least-once' }, {}, { idempotency: 'keys' }),
  },
  'retry-without-timeout': {
    fires: between({ retries: 2, backoff: 'exponential' }),
    quiet: between({ retries: 2, backoff: 'exponential', timeout: 1000 }),
  },
  'retry-storm-risk': {
    fires: between({ retries: 3, timeout: 1000 }),
    quiet: between({ retries: 3, timeout: 1000, backoff: 'exponential-jitter' }),
  },
  'queue-without-dead-letter': {
    fires: alone('message-queue', { delivery: 'at-least-once', deadLetter: false }),
    quiet: alone('message-queue', { delivery: 'at-least-once', deadLetter: true }),
  },
  'no-monitoring': {
    fires: between({}),
    quiet: design([['a', 'stateless-service'], ['b', 'stateless-service'], ['mon', 'monitoring']], [['a', 'b']]),
  },
  'dependency-cycle': {
    fires: design([['a', 'stateless-service'], ['b', 'stateless-service']], [['a', 'b'], ['b', 'a']]),
    quiet: design([['a', 'stateless-service'], ['b', 'stateless-service']], [['a', 'b'], ['b', 'a', { mode: 'async' }]]),
  },
  'missing-property': {
    fires: called('stateless-service', {}),
    quiet: called('stateless-service', { instanceAvailability: 99.9 }),
  },
  'paths-truncated': { fires: fanOut(6), quiet: fanOut(5) },
  'cost-incomplete': {
    fires: design([['a', 'stateless-service', { cost: 10 }], ['b', 'cache']]),
    quiet: design([['a', 'stateless-service', { cost: 10 }], ['b', 'cache', { cost: 5 }]]),
  },
  'idle-replica-cost': {
    fires: alone('stateless-service', { throughput: 1, capacity: 100, cost: 50 }),
    quiet: alone('stateless-service', { throughput: 50, capacity: 100, cost: 50 }),
  },
}

const firing = (records: JsonRecord[], rule: string) => analyseRecords(records).findings.filter((finding) => finding.rule === rule)

describe('design rules', () => {
  it('number at least 30, with unique ids and every text filled in', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(30)
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length)
    for (const rule of RULES) {
      expect([rule.concerns, rule.detection, rule.rationale, rule.falsePositives].filter((text) => text.trim().length < 4).map(() => rule.id)).toEqual([])
    }
  })

  it('each have a firing and a quiet case here', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((rule) => rule.id).sort())
  })

  for (const rule of RULES) {
    it(`${rule.id} fires on its case and stays quiet on the twin`, () => {
      const { fires, quiet } = CASES[rule.id]!
      const found = firing(fires, rule.id)
      expect(found.length).toBeGreaterThan(0)
      for (const finding of found) expect(finding).toMatchObject({ topic: rule.topic, notApplicable: false })
      expect(firing(quiet, rule.id)).toEqual([])
    })
  }

  it('marks a finding not applicable when every shape concerned says so, with its justification, and leaves it out of the summary', () => {
    const records = alone('coordination-service', { ensembleSize: 4 })
    const component = records.find((record) => record.type === 'component')!
    component.meta = { analysis: { notApplicable: { 'even-consensus-ensemble': 'A fifth member is being added this week.' } } }
    const result = analyseRecords(records)
    expect(result.findings.find((finding) => finding.rule === 'even-consensus-ensemble')).toMatchObject({
      notApplicable: true,
      justification: 'A fifth member is being added this week.',
    })
    expect(result.findings.filter((finding) => !finding.notApplicable).every((finding) => finding.justification === null)).toBe(true)
    expect(result.summary.warnings).toBe(result.findings.filter((finding) => finding.severity === 'warning' && !finding.notApplicable).length)
  })
})
