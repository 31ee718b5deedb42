import { MINUTE, SECOND } from '../define.ts'
import type { Template } from '../types.ts'
import { box, cell, GUTTER, HEADER, inside, PAD, STEP } from './grid.ts'

const zone = box(1, 2)
/** Zones sit below the region's first row of shared components. */
const zoneY = HEADER + STEP.y
const region = { w: box(3, 1).w, h: zoneY + zone.h + PAD }

const app = {
  kind: 'stateless-service',
  properties: {
    replicasMin: 2,
    replicasDesired: 3,
    replicasMax: 10,
    autoscaling: 'cpu',
    state: 'stateless',
    deployment: 'rolling',
    idempotency: 'keys',
    latencyP99: 300,
    availability: 99.9,
  },
} as const

export const THREE_TIER_WEB: Template = {
  id: 'three-tier-web',
  name: 'Three-tier web app',
  description:
    'Browsers reach a load-balanced stateless tier in two zones, which reads through a cache and writes to a leader database replicated to the other zone.',
  containers: [
    { ref: 'region', kind: 'region', name: 'eu-west', ...cell(1, 0), ...region },
    { ref: 'zone-a', kind: 'zone', name: 'Zone a', in: 'region', x: PAD, y: zoneY, ...zone },
    { ref: 'zone-b', kind: 'zone', name: 'Zone b', in: 'region', x: PAD + zone.w + GUTTER, y: zoneY, ...zone },
  ],
  components: [
    {
      ref: 'users',
      kind: 'user-population',
      name: 'Shoppers',
      ...cell(0, 0),
      properties: { users: 200_000, peakConcurrent: 8000, requestsPerUser: 6, geography: 'continent' },
      rationale: { peakConcurrent: 'Evening peak is about 4 % of daily users online at once, double that on sale days.' },
    },
    {
      ref: 'browser',
      kind: 'web-client',
      name: 'Browser',
      ...cell(0, 1),
      properties: { platform: 'browser', offline: 'online-only', retryPolicy: 'backoff', latencyP99: 800 },
      rationale: { retryPolicy: 'Backoff with jitter, so when the app tier restarts it is not hit by every browser retrying at once.' },
    },
    {
      ref: 'dns',
      kind: 'dns-glb',
      name: 'DNS',
      ...cell(0, 2),
      properties: { routing: 'failover', dnsTtl: MINUTE, healthCheckInterval: 10 * SECOND, availability: 99.99 },
      rationale: { dnsTtl: 'A short TTL so a regional failover reaches most users within a couple of minutes.' },
    },
    {
      ref: 'payments',
      kind: 'external-dependency',
      name: 'Payment provider',
      ...cell(0, 3),
      properties: { provider: 'Card processor', sla: 99.95, quota: 200, fallback: 'queue' },
      rationale: { fallback: 'If payments are down we accept the order and charge it later, rather than lose the sale.' },
    },
    {
      ref: 'lb',
      kind: 'load-balancer',
      name: 'Load balancer',
      in: 'region',
      ...inside(0, 0),
      properties: { layer: 'l7', balancing: 'least-connections', tlsTermination: true, replicasDesired: 2, placement: 'multi-zone', availability: 99.99 },
      rationale: {
        balancing: 'Least connections keeps a replica that is slow (GC pause) from piling up requests.',
        placement: 'The balancer spans both zones, so it is not the single point of failure.',
      },
    },
    {
      ref: 'cache',
      kind: 'cache',
      name: 'Session & catalog cache',
      in: 'region',
      ...inside(1, 0),
      properties: {
        writePolicy: 'cache-aside',
        eviction: 'lru',
        ttl: 5 * MINUTE,
        hitRatio: 90,
        memoryGb: 16,
        state: 'soft-state',
        placement: 'multi-zone',
        replicasDesired: 2,
        instanceAvailability: 99.9,
      },
      rationale: {
        ttl: 'Product data may be 5 minutes stale; prices are re-read from the database at checkout.',
        hitRatio: 'At 90 % hits the database sees a tenth of the reads; it must still survive a cold start.',
      },
    },
    {
      ref: 'monitoring',
      kind: 'monitoring',
      name: 'Monitoring',
      in: 'region',
      ...inside(2, 0),
      properties: { scrapeInterval: 15 * SECOND, scalingSignal: 'cpu', cooldown: 5 * MINUTE, alerting: 'slo-burn' },
      rationale: { alerting: 'We page on error-budget burn, not on CPU, so we only wake up when users are affected.' },
    },
    {
      ref: 'app-a',
      name: 'App servers (a)',
      in: 'zone-a',
      ...inside(0, 0),
      ...app,
      rationale: { replicasMin: 'Two per zone: one zone can fail and the other still has headroom while autoscaling catches up.' },
    },
    {
      ref: 'db-leader',
      kind: 'relational-db',
      name: 'Orders DB (leader)',
      in: 'zone-a',
      ...inside(0, 1),
      properties: {
        replication: 'leader-semi-sync',
        isolation: 'snapshot',
        failover: 'automatic',
        readReplicas: 1,
        state: 'stateful',
        consistency: 'linearizable',
        pacelc: 'PC/EC',
        rpo: 0,
        rto: MINUTE,
        instanceAvailability: 99.995,
      },
      rationale: {
        replication: 'Semi-synchronous: a commit waits for the follower in zone b, so losing zone a loses no acknowledged order.',
        isolation: 'Snapshot isolation stops reports seeing half an order, without the cost of serializable.',
        rto: 'Automatic failover promotes the follower in about a minute.',
      },
    },
    {
      ref: 'app-b',
      name: 'App servers (b)',
      in: 'zone-b',
      ...inside(0, 0),
      ...app,
      rationale: { state: 'Sessions live in the cache, so any replica in either zone can take any request.' },
    },
    {
      ref: 'db-follower',
      kind: 'relational-db',
      name: 'Orders DB (follower)',
      in: 'zone-b',
      ...inside(0, 1),
      properties: {
        replication: 'leader-semi-sync',
        isolation: 'snapshot',
        failover: 'automatic',
        state: 'stateful',
        consistency: 'read-your-writes',
        instanceAvailability: 99.995,
      },
      rationale: { consistency: 'Reads here can lag the leader, so a user’s own order page reads from the leader.' },
    },
  ],
  connections: [
    { from: 'browser', to: 'dns', properties: { protocol: 'dns', mode: 'sync', delivery: 'at-most-once', timeout: 2 * SECOND, retries: 2, encrypted: false } },
    {
      from: 'browser',
      to: 'lb',
      properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 10 * SECOND, retries: 2, backoff: 'exponential-jitter', latency: 30, crossesFailureDomain: true, encrypted: true },
      rationale: { retries: 'Only GETs and requests with an idempotency key are retried.' },
    },
    { from: 'lb', to: 'app-a', properties: { protocol: 'http2', mode: 'sync', delivery: 'at-most-once', timeout: 5 * SECOND, latency: 0.5, encrypted: true } },
    { from: 'lb', to: 'app-b', properties: { protocol: 'http2', mode: 'sync', delivery: 'at-most-once', timeout: 5 * SECOND, latency: 1, crossesFailureDomain: true, encrypted: true } },
    {
      from: 'app-a',
      to: 'cache',
      properties: { protocol: 'resp', mode: 'sync', delivery: 'at-most-once', timeout: 50, retries: 0, latency: 0.5, encrypted: true },
      rationale: { timeout: 'A slow cache is treated as a miss: we go to the database rather than wait.' },
    },
    { from: 'app-b', to: 'cache', properties: { protocol: 'resp', mode: 'sync', delivery: 'at-most-once', timeout: 50, retries: 0, latency: 1, crossesFailureDomain: true, encrypted: true } },
    { from: 'app-a', to: 'db-leader', properties: { protocol: 'sql', mode: 'sync', delivery: 'at-most-once', timeout: 2 * SECOND, retries: 1, latency: 0.5, encrypted: true } },
    {
      from: 'app-b',
      to: 'db-leader',
      properties: { protocol: 'sql', mode: 'sync', delivery: 'at-most-once', timeout: 2 * SECOND, retries: 1, latency: 1, crossesFailureDomain: true, encrypted: true },
      rationale: { crossesFailureDomain: 'Writes from zone b cross to the leader; a zone partition makes zone b read-only until failover.' },
    },
    {
      from: 'db-leader',
      to: 'db-follower',
      label: 'replication',
      properties: { protocol: 'tcp', mode: 'stream', delivery: 'exactly-once', latency: 1, crossesFailureDomain: true, encrypted: true },
      rationale: { delivery: 'The write-ahead log is applied in order by log position, so each change lands exactly once.' },
    },
    {
      from: 'app-a',
      to: 'payments',
      properties: { protocol: 'https', mode: 'sync', delivery: 'at-least-once', timeout: 5 * SECOND, retries: 3, backoff: 'exponential-jitter', latency: 40, crossesFailureDomain: true, encrypted: true },
      rationale: { delivery: 'Retried with the order id as idempotency key, so the card is charged once.' },
    },
    { from: 'monitoring', to: 'app-a', label: 'scrape', properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 5 * SECOND } },
  ],
}
