import { DAY, SECOND } from '../define.ts'
import type { Template } from '../types.ts'
import { box, cell, GUTTER, HEADER, inside, PAD, STEP } from './grid.ts'

const zone = box(1, 1)
const zoneY = HEADER + STEP.y
const zoneX = (i: number) => PAD + i * (zone.w + GUTTER)
const region = { w: zoneX(3) - GUTTER + PAD, h: zoneY + zone.h + PAD }

function storageNode(ref: string, zoneRef: string, name: string, rationale: Record<string, string>) {
  return {
    ref,
    kind: 'kv-store',
    name,
    in: zoneRef,
    ...inside(0, 0),
    properties: {
      n: 3,
      r: 2,
      w: 2,
      conflictResolution: 'vector-clocks',
      antiEntropy: 'hinted-handoff',
      partitioning: 'vnodes',
      sloppyQuorum: true,
      replicasDesired: 4,
      state: 'stateful',
      consistency: 'eventual',
      pacelc: 'PA/EL',
      failureModel: 'crash-recovery',
      latencyP99: 15,
    },
    rationale,
  }
}

export const DYNAMO_KV: Template = {
  id: 'dynamo-kv',
  name: 'Dynamo-style key-value store',
  description:
    'A shopping-cart service on a leaderless key-value store whose ring spans three zones: each key has one replica per zone, reads and writes wait for 2 of 3.',
  containers: [
    { ref: 'region', kind: 'region', name: 'us-east', ...cell(1, 0), ...region },
    { ref: 'zone-a', kind: 'zone', name: 'Zone a', in: 'region', x: zoneX(0), y: zoneY, ...zone },
    { ref: 'zone-b', kind: 'zone', name: 'Zone b', in: 'region', x: zoneX(1), y: zoneY, ...zone },
    { ref: 'zone-c', kind: 'zone', name: 'Zone c', in: 'region', x: zoneX(2), y: zoneY, ...zone },
  ],
  components: [
    {
      ref: 'app',
      kind: 'web-client',
      name: 'Shop app',
      ...cell(0, 0),
      properties: { platform: 'mobile', offline: 'offline-read', retryPolicy: 'backoff' },
      rationale: { offline: 'The cart can be shown offline from the last copy; adding items needs the network.' },
    },
    {
      ref: 'cart',
      kind: 'stateless-service',
      name: 'Cart service',
      in: 'region',
      ...inside(0, 0),
      properties: { replicasMin: 3, replicasDesired: 6, replicasMax: 30, autoscaling: 'request-rate', deployment: 'canary', idempotency: 'all', state: 'stateless', availability: 99.99, latencyP99: 50 },
      rationale: {
        availability: 'An unavailable cart loses sales, so we prefer an old cart to an error.',
        idempotency: 'Cart operations are "add item with id": repeating one changes nothing.',
      },
    },
    {
      ref: 'monitoring',
      kind: 'monitoring',
      name: 'Ring monitor',
      in: 'region',
      ...inside(1, 0),
      properties: { scrapeInterval: 10 * SECOND, scalingSignal: 'request-rate', alerting: 'slo-burn', retention: 30 * DAY },
      rationale: { scalingSignal: 'We scale the cart service on request rate; the ring is resized by hand.' },
    },
    storageNode('kv-a', 'zone-a', 'Storage nodes (a)', {
      n: 'N = 3 with one replica per zone, so a whole zone can fail and every key still has two copies.',
      r: 'R + W = 4 > N = 3: a read quorum always overlaps the last write quorum while no sloppy writes are in flight.',
      conflictResolution: 'Two phones can add to the same cart during a partition; the client merges the versions (union of items).',
    }),
    storageNode('kv-b', 'zone-b', 'Storage nodes (b)', {
      w: 'W = 2 keeps writes available when one zone is unreachable.',
      sloppyQuorum: 'During an outage writes go to a stand-in node with a hint and are handed back later.',
    }),
    storageNode('kv-c', 'zone-c', 'Storage nodes (c)', {
      antiEntropy: 'Merkle trees per key range find the keys a replica missed without comparing everything.',
      partitioning: '8 virtual nodes per machine, so a failed machine’s load spreads over the whole ring.',
    }),
  ],
  connections: [
    {
      from: 'app',
      to: 'cart',
      properties: { protocol: 'https', mode: 'sync', delivery: 'at-least-once', timeout: 3 * SECOND, retries: 2, backoff: 'exponential-jitter', latency: 40, crossesFailureDomain: true, encrypted: true },
      rationale: { delivery: 'Safe to retry: every cart operation is idempotent.' },
    },
    {
      from: 'cart',
      to: 'kv-a',
      label: 'get / put',
      properties: { protocol: 'grpc', mode: 'sync', delivery: 'at-least-once', timeout: 100, retries: 1, latency: 1, encrypted: true },
      rationale: { timeout: 'The coordinator answers once 2 of 3 replicas reply; 100 ms covers the slower one.' },
    },
    {
      from: 'kv-a',
      to: 'kv-b',
      label: 'replicate',
      properties: { protocol: 'tcp', mode: 'async', delivery: 'at-least-once', timeout: 100, latency: 1, crossesFailureDomain: true, encrypted: true },
    },
    {
      from: 'kv-b',
      to: 'kv-c',
      label: 'replicate',
      properties: { protocol: 'tcp', mode: 'async', delivery: 'at-least-once', timeout: 100, latency: 1, crossesFailureDomain: true, encrypted: true },
    },
    {
      from: 'kv-c',
      to: 'kv-a',
      label: 'gossip + anti-entropy',
      properties: { protocol: 'gossip', mode: 'async', delivery: 'at-most-once', latency: 1, crossesFailureDomain: true, encrypted: true },
      rationale: { protocol: 'Membership and failure suspicion spread by gossip every second; no node holds the whole view.' },
    },
    { from: 'monitoring', to: 'cart', label: 'scrape', properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 5 * SECOND } },
  ],
}
