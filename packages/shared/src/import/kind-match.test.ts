import { describe, expect, it } from 'vitest'
import { CONTAINER_KINDS } from '../catalog/containers.ts'
import { KIND_SYNONYMS } from '../catalog/kind-synonyms.ts'
import { COMPONENT_KINDS } from '../catalog/kinds/index.ts'
import { componentKindNamed, containerKindNamed } from './kind-match.ts'

describe('kind named by a label', () => {
  it.each([
    ['Redis cache', 'cache'],
    ['Kafka', 'partitioned-log'],
    ['Postgres', 'relational-db'],
    ['load balancer', 'load-balancer'],
    ['Orders DB', 'relational-db'],
    ['Kafka Streams', 'stream-processor'],
    ['API gateway', 'load-balancer'],
    ['S3 bucket', 'object-store'],
    ['ZooKeeper ensemble', 'coordination-service'],
    ['Global load balancer', 'dns-glb'],
  ])('%s is a %s', (label, kind) => {
    expect(componentKindNamed(label)).toBe(kind)
  })

  it('is a stateless service when the label names no kind, and matches whole words only', () => {
    expect(componentKindNamed('Checkout')).toBe('stateless-service')
    expect(componentKindNamed('Catalogue')).toBe('stateless-service')
    expect(componentKindNamed('')).toBe('stateless-service')
  })

  it('reads every kind’s own label as that kind (so the Mermaid export comes back as it went)', () => {
    const misread = COMPONENT_KINDS.filter((kind) => componentKindNamed(`Some name\n${kind.label}`) !== kind.id).map((kind) => kind.label)
    expect(misread).toEqual([])
  })

  it('reads failure domains from subgraph titles, a cluster when the title names none', () => {
    expect(CONTAINER_KINDS.filter((kind) => containerKindNamed(`x (${kind.label})`) !== kind.id).map((kind) => kind.label)).toEqual([])
    expect(containerKindNamed('eu-west')).toBe('region')
    expect(containerKindNamed('AZ 1')).toBe('zone')
    expect(containerKindNamed('Backend')).toBe('cluster')
  })

  it('has synonyms only for catalog kinds and failure domains', () => {
    const ids = new Set([...COMPONENT_KINDS, ...CONTAINER_KINDS].map((kind) => kind.id))
    expect(Object.keys(KIND_SYNONYMS).filter((id) => !ids.has(id))).toEqual([])
  })
})
