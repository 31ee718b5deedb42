import { describe, expect, it } from 'vitest'
import { findKind } from './catalog.ts'
import {
  badgeLine,
  connectionBadgeLine,
  checkComponentProps,
  checkConnectionProperties,
  defaultConnectionProperties,
  defaultProperties,
  propertiesOf,
  RATIONALE_MAX_LENGTH,
} from './props.ts'
import type { ComponentKind } from './types.ts'
import { formatPropertyValue } from './values.ts'

function kind(id: string): ComponentKind {
  const found = findKind(id)
  if (!found) throw new Error(`no kind ${id}`)
  return found
}

describe('component properties', () => {
  it('lists the common set first, then the kind’s own, in inspector order', () => {
    const ids = propertiesOf(kind('relational-db')).map((def) => def.id)
    expect(ids.slice(0, 3)).toEqual(['availability', 'failureModel', 'mtbf'])
    expect(ids.slice(-5)).toEqual(['replication', 'isolation', 'failover', 'readReplicas', 'sharding'])
  })

  it('starts a new component with the defaults only, the kind’s common defaults included', () => {
    expect(defaultProperties(kind('stateless-service'))).toEqual({ state: 'stateless', replicasDesired: 3, deployment: 'rolling' })
    expect(defaultConnectionProperties()).toEqual({ mode: 'sync', encrypted: true })
  })

  it('shows set, valid badge properties with their badge templates', () => {
    const service = kind('stateless-service')
    expect(badgeLine(service, defaultProperties(service))).toBe('×3 · rolling')
    expect(badgeLine(service, { replicasDesired: 5, deployment: 'canary' })).toBe('×5 · canary')
    expect(badgeLine(kind('iot-device'), { fleetSize: 20_000, reportInterval: 30_000 })).toBe('20,000 devices · every 30 s')
    expect(badgeLine(kind('partitioned-log'), { partitions: 24, replicationFactor: 3, acks: 'all', retention: 604_800_000 })).toBe(
      '24 partitions · RF 3 · acks=all',
    )
    expect(badgeLine(kind('kv-store'), defaultProperties(kind('kv-store')))).toBe('N=3 · R=2 · W=2')
    expect(badgeLine(kind('cache'), { writePolicy: 'write-through', ttl: 300_000, hitRatio: 92.5 })).toBe('write-through · TTL 5 min · hit 92.5 %')
  })

  it('uses an option’s short label in the badge, its full label elsewhere', () => {
    const db = kind('relational-db')
    expect(badgeLine(db, { replication: 'consensus', isolation: 'serializable' })).toBe('Raft / Paxos · serializable')
    const replication = db.properties.find((def) => def.id === 'replication')
    expect(replication && formatPropertyValue(replication, 'consensus')).toBe('consensus (Raft / Paxos)')
  })

  it('skips unset, cleared and invalid badge properties', () => {
    const service = kind('stateless-service')
    expect(badgeLine(service, {})).toBe('')
    expect(badgeLine(service, { replicasDesired: null, deployment: 'canary' })).toBe('canary')
    expect(badgeLine(service, { replicasDesired: -1, deployment: 'sideways' })).toBe('')
    expect(badgeLine(service, { replicasDesired: 2.5, deployment: 'rolling', cost: 10 })).toBe('rolling')
  })
})

describe('checking component props', () => {
  const valid = { kind: 'relational-db', name: 'Orders', properties: { isolation: 'serializable', availability: 99.99 }, rationale: { isolation: 'No write skew on stock counts.' } }

  it('accepts valid props, and null for a cleared property', () => {
    expect(checkComponentProps(valid)).toBeNull()
    expect(checkComponentProps({ ...valid, properties: { isolation: null } })).toBeNull()
  })

  it('refuses unknown kinds and properties, invalid values and bad rationales with the reason', () => {
    expect(checkComponentProps({ ...valid, kind: 'mainframe' })).toBe('unknown component kind "mainframe"')
    expect(checkComponentProps({ ...valid, kind: 3 })).toBe('kind must be text')
    expect(checkComponentProps({ ...valid, name: null })).toBe('name must be text')
    expect(checkComponentProps({ ...valid, properties: { partitions: 3 } })).toBe('"partitions" is not a property of Replicated relational DB')
    expect(checkComponentProps({ ...valid, properties: { availability: 120 } })).toBe('Availability SLO must be between 0 and 100 %')
    expect(checkComponentProps({ ...valid, properties: { isolation: 'chaos' } })).toBe(
      'Isolation level must be one of: read committed, repeatable read, snapshot isolation, serializable',
    )
    expect(checkComponentProps({ ...valid, properties: [] })).toBe('properties must be an object')
    expect(checkComponentProps({ ...valid, rationale: { isolation: 5 } })).toBe('rationale for Isolation level must be text')
    expect(checkComponentProps({ ...valid, rationale: { isolation: 'x'.repeat(RATIONALE_MAX_LENGTH + 1) } })).toBe(
      'rationale for Isolation level must be at most 2000 characters',
    )
    expect(checkComponentProps({ ...valid, rationale: { isolation: 'x'.repeat(RATIONALE_MAX_LENGTH) } })).toBeNull()
    expect(checkComponentProps({ ...valid, rationale: { wishes: 'ponies' } })).toBe('rationale "wishes" is not a property of Replicated relational DB')
    expect(checkComponentProps({ ...valid, rationale: 'because' })).toBe('rationale must be an object')
  })

  it('checks connection properties and rationales the same way', () => {
    expect(checkConnectionProperties({ protocol: 'grpc', mode: 'sync', timeout: 500, retries: 2 }, { retries: 'Idempotent reads.' })).toBeNull()
    expect(checkConnectionProperties({ protocol: 'carrier-pigeon' }, {})).toMatch(/^Protocol must be one of: HTTPS/)
    expect(checkConnectionProperties({ retries: 1.5 }, {})).toBe('Retries must be a whole number')
    expect(checkConnectionProperties({ colour: 'red' }, {})).toBe('"colour" is not a property of a connection')
    expect(checkConnectionProperties({}, { timeout: false })).toBe('rationale for Timeout must be text')
  })
})

describe('connection badge line', () => {
  it('shows the set badge properties of a connection, short, at most three, skipping invalid ones', () => {
    expect(connectionBadgeLine({ protocol: 'grpc', mode: 'async', delivery: 'at-least-once', latency: 5 })).toBe('gRPC · asynchronous · at-least-once')
    expect(connectionBadgeLine({ protocol: 'nonsense', mode: 'sync' })).toBe('synchronous')
    expect(connectionBadgeLine({})).toBe('')
  })
})
