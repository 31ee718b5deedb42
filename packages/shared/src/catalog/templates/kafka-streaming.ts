import { DAY, HOUR, MINUTE, SECOND } from '../define.ts'
import type { Template } from '../types.ts'
import { box, cell, GUTTER, inside, STEP } from './grid.ts'

const cluster = box(1, 2)
const kafkaAt = cell(2, 0)
const flinkAt = { x: kafkaAt.x + cluster.w + GUTTER, y: 0 }
const sinksX = flinkAt.x + cluster.w + GUTTER

export const KAFKA_STREAMING: Template = {
  id: 'kafka-streaming',
  name: 'Log with a stream processor',
  description:
    'Click events go through an ingest API into a replicated, partitioned log; a stream processor sessionizes them with exactly-once state into a lake and a live counter cache.',
  containers: [
    { ref: 'kafka', kind: 'cluster', name: 'Kafka cluster', ...kafkaAt, ...cluster },
    { ref: 'flink', kind: 'cluster', name: 'Flink cluster', ...flinkAt, ...cluster },
  ],
  components: [
    {
      ref: 'browser',
      kind: 'web-client',
      name: 'Web shop',
      ...cell(0, 0),
      properties: { platform: 'browser', offline: 'online-only', retryPolicy: 'backoff' },
      rationale: { retryPolicy: 'Click events are sent in batches and retried; losing a few on tab close is acceptable.' },
    },
    {
      ref: 'ingest',
      kind: 'stateless-service',
      name: 'Event ingest API',
      ...cell(1, 0),
      properties: { replicasMin: 2, replicasDesired: 4, replicasMax: 20, autoscaling: 'request-rate', deployment: 'rolling', idempotency: 'keys', throughput: 50_000 },
      rationale: { idempotency: 'Each event carries a client-generated id, so duplicates can be dropped downstream.' },
    },
    {
      ref: 'monitoring',
      kind: 'monitoring',
      name: 'Lag monitor',
      ...cell(1, 1),
      properties: { scrapeInterval: 10 * SECOND, scalingSignal: 'queue-lag', cooldown: 3 * MINUTE, alerting: 'thresholds' },
      rationale: { scalingSignal: 'Consumer lag shows the processor falling behind minutes before CPU does.' },
    },
    {
      ref: 'log',
      kind: 'partitioned-log',
      name: 'clicks topic',
      in: 'kafka',
      ...inside(0, 0),
      properties: { partitions: 24, replicationFactor: 3, minInSync: 2, acks: 'all', retention: 7 * DAY, ordering: 'per-key', idempotentProducer: true, throughput: 50_000, placement: 'multi-zone' },
      rationale: {
        partitions: '24 partitions allow up to 24 parallel consumers; keyed by session id so a session stays in order.',
        minInSync: 'With RF 3 and min ISR 2, acks=all survives one broker loss without losing an acknowledged event.',
        retention: 'A week of replay lets us fix a bug in the processor and recompute.',
      },
    },
    {
      ref: 'controllers',
      kind: 'coordination-service',
      name: 'KRaft controllers',
      in: 'kafka',
      ...inside(0, 1),
      properties: { ensembleSize: 3, consensus: 'raft', sessionTimeout: 18 * SECOND, reads: 'quorum', consistency: 'linearizable', pacelc: 'PC/EC' },
      rationale: { ensembleSize: 'Three controllers tolerate one failure; five would cost more than they add here.' },
    },
    {
      ref: 'processor',
      kind: 'stream-processor',
      name: 'Sessionizer',
      in: 'flink',
      ...inside(0, 0),
      properties: { guarantee: 'exactly-once', timeSemantics: 'event', windows: 'session', windowSize: 30 * MINUTE, allowedLateness: 5 * MINUTE, checkpointInterval: 30 * SECOND, parallelism: 24, state: 'stateful' },
      rationale: {
        timeSemantics: 'Phones send events late after being offline, so windows follow event time, not arrival.',
        checkpointInterval: 'After a crash we replay at most 30 s of the log from the last checkpoint.',
        parallelism: 'One task per partition; more would sit idle.',
      },
    },
    {
      ref: 'scheduler',
      kind: 'resource-manager',
      name: 'Job manager',
      in: 'flink',
      ...inside(0, 1),
      properties: { policy: 'fifo', preemption: false, highAvailability: 'active-standby', managedNodes: 6, heartbeat: 5 * SECOND },
      rationale: { highAvailability: 'A standby job manager takes over from the checkpoint if the active one dies.' },
    },
    {
      ref: 'lake',
      kind: 'data-warehouse',
      name: 'Sessions lake',
      x: sinksX,
      y: 0,
      properties: { format: 'iceberg', freshness: 5 * MINUTE, partitionBy: 'date', storedData: 40 },
      rationale: { format: 'Iceberg commits are transactional, which the exactly-once sink needs.' },
    },
    {
      ref: 'counters',
      kind: 'cache',
      name: 'Live counters',
      x: sinksX,
      y: STEP.y,
      properties: { writePolicy: 'write-through', eviction: 'ttl', ttl: HOUR, hitRatio: 99, memoryGb: 4 },
      rationale: { ttl: 'Counters only matter for the last hour; they are rebuilt from the log if lost.' },
    },
  ],
  connections: [
    { from: 'browser', to: 'ingest', properties: { protocol: 'https', mode: 'async', delivery: 'at-least-once', timeout: 10 * SECOND, retries: 3, backoff: 'exponential-jitter', latency: 40, crossesFailureDomain: true } },
    {
      from: 'ingest',
      to: 'log',
      label: 'produce',
      properties: { protocol: 'kafka', mode: 'async', delivery: 'exactly-once', timeout: 30 * SECOND, retries: 10, backoff: 'exponential', latency: 2 },
      rationale: { delivery: 'Idempotent producer plus acks=all: retries never write an event twice.' },
    },
    {
      from: 'log',
      to: 'processor',
      label: 'consume',
      properties: { protocol: 'kafka', mode: 'stream', delivery: 'exactly-once', latency: 2 },
      rationale: { delivery: 'Offsets are committed with the checkpoint, so replay after a crash starts exactly where the state was saved.' },
    },
    { from: 'processor', to: 'lake', properties: { protocol: 'https', mode: 'async', delivery: 'exactly-once', timeout: MINUTE, retries: 5, backoff: 'exponential' } },
    { from: 'processor', to: 'counters', properties: { protocol: 'resp', mode: 'async', delivery: 'at-least-once', timeout: 100, retries: 3 }, rationale: { delivery: 'Counters are set, not incremented, so a repeated write is harmless.' } },
    { from: 'log', to: 'controllers', label: 'metadata', properties: { protocol: 'tcp', mode: 'sync', delivery: 'at-most-once', timeout: 18 * SECOND } },
    { from: 'scheduler', to: 'processor', label: 'deploy', properties: { protocol: 'tcp', mode: 'sync', delivery: 'at-most-once', timeout: 10 * SECOND } },
    { from: 'monitoring', to: 'log', label: 'lag', properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 5 * SECOND } },
  ],
}
