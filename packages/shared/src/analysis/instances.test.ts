import { describe, expect, it } from 'vitest'
import { analyseRecords } from './analyse.ts'
import { extractGraph } from './graph.ts'
import { instanceAvailability, kOfN, quorumOf } from './instances.ts'
import { design, shape } from './test-design.ts'

function component(kind: string, properties: Record<string, string | number | boolean>) {
  return extractGraph(design([['c', kind, properties]])).components.get(shape('c'))!
}

describe('instance availability and k-of-n', () => {
  it('pins the textbook numbers', () => {
    expect(kOfN(0.999, 1, 1) ** 2).toBeCloseTo(0.998001, 12)
    expect(kOfN(0.99, 1, 3)).toBeCloseTo(0.999999, 12)
    expect(kOfN(0.99, 2, 3)).toBeCloseTo(0.999702, 12)
  })

  it('gives two 99.9 % components in series 99.8001 % on their path', () => {
    const result = analyseRecords(
      design(
        [
          ['client', 'web-client'],
          ['api', 'stateless-service', { instanceAvailability: 99.9, replicasDesired: 1 }],
          ['db', 'relational-db', { instanceAvailability: 99.9 }],
        ],
        [
          ['client', 'api'],
          ['api', 'db'],
        ],
      ),
    )
    expect(result.paths.map((path) => path.shapes)).toEqual([[shape('client'), shape('api'), shape('db')]])
    expect(result.paths[0]!.availability).toBeCloseTo(0.998001, 12)
    expect(result.entries[0]!.availability).toBeCloseTo(0.998001, 12)
  })

  it('gives three stateless 99 % instances 99.9999 % and a 2-of-3 quorum of 99 % 99.9702 %', () => {
    const result = analyseRecords(
      design([
        ['api', 'stateless-service', { instanceAvailability: 99, replicasDesired: 3 }],
        ['zk', 'coordination-service', { instanceAvailability: 99, ensembleSize: 3 }],
        ['kv', 'kv-store', { instanceAvailability: 99, n: 3, w: 2, r: 1 }],
      ]),
    )
    const byId = new Map(result.components.map((c) => [c.id, c]))
    expect(byId.get(shape('api'))!.effectiveAvailability).toBeCloseTo(0.999999, 12)
    expect(byId.get(shape('zk'))!.effectiveAvailability).toBeCloseTo(0.999702, 12)
    expect(byId.get(shape('kv'))!.effectiveAvailability).toBeCloseTo(0.999702, 12)
    expect(byId.get(shape('kv'))!.readAvailability).toBeCloseTo(0.999999, 12)
    expect(byId.get(shape('api'))!.readAvailability).toBeNull()
  })

  it('reads one instance’s availability from the first property set, in order', () => {
    expect(instanceAvailability(component('cache', { instanceAvailability: 99.5, availability: 99 }))).toEqual({ value: 0.995, source: 'instanceAvailability' })
    expect(instanceAvailability(component('cache', { mtbf: 990, mttr: 10, availability: 99 }))).toEqual({ value: 0.99, source: 'mtbf-mttr' })
    const sla = instanceAvailability(component('external-dependency', { sla: 99.9, availability: 99 }))
    expect(sla.source).toBe('sla')
    expect(sla.value).toBeCloseTo(0.999, 12)
    expect(instanceAvailability(component('cache', { availability: 99 }))).toEqual({ value: 0.99, source: 'slo' })
    expect(instanceAvailability(component('iot-device', {}))).toEqual({ value: 1, source: 'client' })
    expect(instanceAvailability(component('cache', {}))).toEqual({ value: null, source: 'unknown' })
  })

  it('counts instances and the ones needed per kind and state', () => {
    expect(quorumOf(component('kv-store', { n: 5, w: 3, r: 2, replicasDesired: 9 }))).toEqual({ n: 5, k: 3, readK: 2 })
    expect(quorumOf(component('coordination-service', { ensembleSize: 5 }))).toEqual({ n: 5, k: 3, readK: null })
    expect(quorumOf(component('partitioned-log', { replicationFactor: 3 }))).toEqual({ n: 3, k: 1, readK: null })
    expect(quorumOf(component('partitioned-log', { replicasDesired: 4 }))).toEqual({ n: 4, k: 1, readK: null })
    expect(quorumOf(component('cache', { replicasDesired: 2 }))).toEqual({ n: 2, k: 1, readK: null })
    expect(quorumOf(component('relational-db', { replicasDesired: 3, failover: 'automatic' }))).toEqual({ n: 3, k: 1, readK: null })
    expect(quorumOf(component('relational-db', { replicasDesired: 3, failover: 'manual' }))).toEqual({ n: 1, k: 1, readK: null })
    expect(quorumOf(component('relational-db', { replicasDesired: 3, state: 'stateless' }))).toEqual({ n: 3, k: 1, readK: null })
    expect(quorumOf(component('stateless-service', {}))).toEqual({ n: 1, k: 1, readK: null })
  })
})
