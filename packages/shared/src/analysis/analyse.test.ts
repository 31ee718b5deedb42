import { describe, expect, it } from 'vitest'
import { templateRecords } from '../catalog/template-records.ts'
import { THREE_TIER_WEB } from '../catalog/templates/three-tier-web.ts'
import { analyseRecords } from './analyse.ts'
import { kOfN } from './instances.ts'
import { design, shape } from './test-design.ts'

const threeTier = templateRecords(THREE_TIER_WEB, 'tt')
const tt = (ref: string) => `shape:tt-${ref}`
const browserOf = (fail: string[] = []) => analyseRecords(threeTier, { fail }).entries.find((entry) => entry.id === tt('browser'))!

describe('entry availability on the three-tier template', () => {
  const dns = 0.9999
  const lb = kOfN(0.9999, 1, 2)
  const app = kOfN(0.999, 1, 3)
  const cache = kOfN(0.999, 1, 2)
  const db = 0.99995
  const payments = 0.9995

  it('takes the app tiers of both zones as alternatives and the shared cache and database once', () => {
    // Zone a's app servers also need the payment provider; both tiers need the one cache and leader.
    const expected = dns * lb * cache * db * (1 - (1 - app * payments) * (1 - app))
    expect(browserOf().availability).toBeCloseTo(expected, 14)
  })

  it('stays up when zone b fails: zone a’s app servers take every request', () => {
    const availability = browserOf([tt('zone-b')]).availability!
    expect(availability).toBeCloseTo(dns * lb * app * cache * db * payments, 14)
    expect(availability).toBeGreaterThan(0.998)
  })

  it('goes down when zone a fails, since the orders leader lives there', () => {
    expect(browserOf([tt('zone-a')]).availability).toBe(0)
  })

  it('fails every component inside a failed container, nested ones too', () => {
    const result = analyseRecords(threeTier, { fail: [tt('region')] })
    const down = result.components.filter((component) => component.effectiveAvailability === 0).map((component) => component.id)
    expect(down.sort()).toEqual(['lb', 'cache', 'monitoring', 'app-a', 'db-leader', 'app-b', 'db-follower'].map(tt).sort())
  })
})

describe('reliability block diagram', () => {
  it('counts a component shared by alternatives once, not once per branch', () => {
    const records = design(
      [
        ['lb', 'load-balancer', { instanceAvailability: 100 }],
        ['a1', 'stateless-service', { instanceAvailability: 90 }],
        ['a2', 'stateless-service', { instanceAvailability: 90 }],
        ['db', 'relational-db', { instanceAvailability: 90 }],
      ],
      [
        ['lb', 'a1'],
        ['lb', 'a2'],
        ['a1', 'db'],
        ['a2', 'db'],
      ],
    )
    // Exactly 0.9 · (1 − 0.1²) = 0.891; taking the database once per branch would give 1 − (1 − 0.81)² = 0.9639.
    expect(analyseRecords(records).entries[0]!.availability).toBeCloseTo(0.891, 14)
  })

  it('treats callees of different kinds behind a balancer, and callees of anything else, as all required', () => {
    const records = design(
      [
        ['lb', 'load-balancer', { instanceAvailability: 100 }],
        ['a', 'stateless-service', { instanceAvailability: 90 }],
        ['f', 'serverless-function', { instanceAvailability: 90 }],
      ],
      [
        ['lb', 'a'],
        ['lb', 'f'],
      ],
    )
    expect(analyseRecords(records).entries[0]!.availability).toBeCloseTo(0.81, 14)
  })

  it('gives a lower bound, close to the exact value, when too many shared components sit below an entry', () => {
    const services = Array.from({ length: 24 }, (_, i) => `s${i}`)
    const records = design(
      [
        ['lb', 'load-balancer', { instanceAvailability: 100 }],
        ['a1', 'stateless-service', { instanceAvailability: 99 }],
        ['a2', 'stateless-service', { instanceAvailability: 99 }],
        ...services.map((ref) => [ref, 'cache', { instanceAvailability: 99.9 }] as [string, string, Record<string, number>]),
      ],
      [['lb', 'a1'], ['lb', 'a2'], ...services.flatMap((ref) => [['a1', ref], ['a2', ref]] as Array<[string, string]>)],
    )
    const exact = (1 - 0.01 ** 2) * 0.999 ** 24
    const result = analyseRecords(records)
    const availability = result.entries[0]!.availability!
    expect(availability).toBeLessThanOrEqual(exact + 1e-12)
    expect(availability).toBeGreaterThan(exact - 1e-3)
    expect(result.findings.some((finding) => finding.rule === 'availability-bounded')).toBe(true)
  })

  it('leaves the operations group out and does not follow cycles', () => {
    const records = design(
      [
        ['client', 'web-client'],
        ['a', 'stateless-service', { instanceAvailability: 99 }],
        ['b', 'stateless-service', { instanceAvailability: 99 }],
        ['mon', 'monitoring', { instanceAvailability: 50 }],
      ],
      [
        ['client', 'a'],
        ['a', 'b'],
        ['b', 'a'],
        ['mon', 'a'],
        ['a', 'mon'],
      ],
    )
    const result = analyseRecords(records)
    expect(result.entries.map((entry) => entry.id)).toEqual([shape('client')])
    expect(result.paths.map((path) => path.shapes)).toEqual([[shape('client'), shape('a'), shape('b')]])
    expect(result.entries[0]!.availability).toBeCloseTo(0.99 * 0.99, 14)
    expect(result.findings.filter((finding) => finding.rule === 'dependency-cycle').map((finding) => finding.shapes)).toEqual([[shape('a'), shape('b')]])
  })

  it('does not take async or streaming connections as dependencies', () => {
    const records = design(
      [
        ['a', 'stateless-service', { instanceAvailability: 99 }],
        ['q', 'message-queue', { instanceAvailability: 50 }],
        ['s', 'partitioned-log', { instanceAvailability: 50 }],
      ],
      [
        ['a', 'q', { mode: 'async' }],
        ['a', 's', { mode: 'stream' }],
      ],
    )
    const result = analyseRecords(records)
    expect(result.entries.map((entry) => [entry.id, entry.availability])).toEqual([
      [shape('a'), 0.99],
      [shape('q'), 0.5],
      [shape('s'), 0.5],
    ])
  })
})

describe('latency, load and cost', () => {
  const records = design(
    [
      ['users', 'user-population', { peakConcurrent: 600, requestsPerUser: 6, latencyP99: 1000, cost: 0 }],
      ['lb', 'load-balancer', { instanceAvailability: 100, latencyP50: 1, latencyP99: 2, cost: 20 }],
      ['a1', 'stateless-service', { instanceAvailability: 99, latencyP50: 10, latencyP99: 50, capacity: 10, replicasDesired: 2, cost: 100 }],
      ['a2', 'stateless-service', { instanceAvailability: 99, latencyP50: 10, latencyP99: 60, capacity: 10, replicasDesired: 2, cost: 100 }],
      ['db', 'relational-db', { instanceAvailability: 99.9, latencyP50: 5, latencyP99: 20, capacity: 100 }],
    ],
    [
      ['users', 'lb', { latency: 30 }],
      ['lb', 'a1', { latency: 1 }],
      ['lb', 'a2', { latency: 2 }],
      ['a1', 'db', { latency: 1 }],
      ['a2', 'db', { latency: 1 }],
    ],
  )
  const result = analyseRecords(records)

  it('sums the callees’ latency SLOs and the calls’ latencies along each path; an entry takes its worst path', () => {
    expect(result.paths.map((path) => [path.shapes.length, path.latencyP50, path.latencyP99])).toEqual([
      [4, 30 + 1 + 1 + 10 + 1 + 5, 30 + 2 + 1 + 50 + 1 + 20],
      [4, 30 + 1 + 2 + 10 + 1 + 5, 30 + 2 + 2 + 60 + 1 + 20],
    ])
    expect(result.entries[0]).toMatchObject({ latencyP50: 49, latencyP99: 115 })
  })

  it('carries peak load along the calls, split across alternatives, over capacity × instances', () => {
    // 600 users × 6 req/min = 60 req/s; 30 req/s to each app tier of 2 × 10 req/s; the database gets both halves.
    const used = new Map(result.components.map((component) => [component.id, component.utilisation]))
    expect(used.get(shape('a1'))).toBeCloseTo(1.5, 12)
    expect(used.get(shape('db'))).toBeCloseTo(0.6, 12)
    expect(used.get(shape('lb'))).toBeNull()
    expect(result.paths[0]!.utilisation).toBeCloseTo(1.5, 12)
    expect(result.findings.filter((finding) => finding.rule === 'capacity-exceeded').map((finding) => finding.severity)).toEqual(['error', 'error'])
  })

  it('adds the components’ costs as annotated', () => {
    expect(result.summary).toMatchObject({ components: 5, connections: 5, costPerMonth: 220 })
  })
})
