import { DAY, HOUR, MINUTE, SECOND } from '../define.ts'
import type { Template } from '../types.ts'
import { box, cell, GUTTER, inside } from './grid.ts'

const site = box(2, 1)
const region = box(3, 2)
const regionX = site.w + GUTTER

export const EDGE_IOT: Template = {
  id: 'edge-iot',
  name: 'Edge / CDN IoT pipeline',
  description:
    'Factory sensors report to an edge gateway that aggregates and buffers through uplink outages; the cloud region streams readings through a log to anomaly detection, and operators see dashboards through a CDN.',
  containers: [
    { ref: 'factory', kind: 'edge-site', name: 'Factory floor', ...cell(0, 0), ...site },
    { ref: 'region', kind: 'region', name: 'eu-central', x: regionX, y: 0, ...region },
  ],
  components: [
    {
      ref: 'sensors',
      kind: 'iot-device',
      name: 'Vibration sensors',
      in: 'factory',
      ...inside(0, 0),
      properties: { fleetSize: 400, reportInterval: SECOND, connectivity: 'wifi', power: 'mains', localBuffer: 60, failureModel: 'omission' },
      rationale: {
        reportInterval: 'Bearing faults show up within seconds, so each sensor reports every second.',
        failureModel: 'Sensors drop readings on a bad Wi-Fi channel but never send wrong ones, so we assume omission failures.',
      },
    },
    {
      ref: 'gateway',
      kind: 'edge-gateway',
      name: 'Line gateway',
      in: 'factory',
      ...inside(1, 0),
      properties: { aggregation: 'aggregate', storeAndForward: true, bufferSpan: DAY, uplink: 'fibre', replicasDesired: 2, placement: 'edge' },
      rationale: {
        aggregation: 'One-minute summaries per sensor cut the uplink traffic 60×; raw data stays on the gateway for a day.',
        bufferSpan: 'The factory uplink has been down for up to a few hours; a day of buffer covers that with margin.',
        replicasDesired: 'Two gateways, so one can be rebooted for updates without losing data.',
      },
    },
    {
      ref: 'broker',
      kind: 'message-queue',
      name: 'MQTT broker',
      in: 'region',
      ...inside(0, 0),
      properties: { delivery: 'at-least-once', ordering: 'per-key', deadLetter: true, retention: DAY, replicasDesired: 3, placement: 'multi-zone' },
      rationale: { delivery: 'QoS 1: the gateway resends until acknowledged, so the pipeline must drop duplicates by reading id.' },
    },
    {
      ref: 'telemetry',
      kind: 'partitioned-log',
      name: 'telemetry topic',
      in: 'region',
      ...inside(1, 0),
      properties: { partitions: 12, replicationFactor: 3, minInSync: 2, acks: 'all', retention: 14 * DAY, ordering: 'per-key' },
      rationale: { ordering: 'Keyed by sensor id, so each sensor’s readings stay in order.' },
    },
    {
      ref: 'detector',
      kind: 'stream-processor',
      name: 'Anomaly detector',
      in: 'region',
      ...inside(2, 0),
      properties: { guarantee: 'at-least-once', timeSemantics: 'event', windows: 'sliding', windowSize: 5 * MINUTE, allowedLateness: HOUR, checkpointInterval: MINUTE, parallelism: 12 },
      rationale: {
        allowedLateness: 'Readings buffered during an uplink outage arrive hours late but must still be scored.',
        guarantee: 'A duplicate alert is harmless, so at-least-once is enough.',
      },
    },
    {
      ref: 'api',
      kind: 'stateless-service',
      name: 'Dashboard API',
      in: 'region',
      ...inside(0, 1),
      properties: { replicasMin: 2, replicasDesired: 2, replicasMax: 6, autoscaling: 'request-rate', deployment: 'blue-green', state: 'stateless', latencyP99: 500 },
      rationale: { deployment: 'Blue-green so a bad release can be switched back in seconds during a shift.' },
    },
    {
      ref: 'lake',
      kind: 'data-warehouse',
      name: 'Telemetry lake',
      in: 'region',
      ...inside(1, 1),
      properties: { format: 'parquet', freshness: 5 * MINUTE, partitionBy: 'date-key', storedData: 25 },
      rationale: { partitionBy: 'Queries ask for one machine over a time range, so data is partitioned by day and sensor.' },
    },
    {
      ref: 'monitoring',
      kind: 'monitoring',
      name: 'Fleet monitor',
      in: 'region',
      ...inside(2, 1),
      properties: { scrapeInterval: 30 * SECOND, scalingSignal: 'queue-lag', cooldown: 5 * MINUTE, alerting: 'thresholds' },
      rationale: { alerting: 'A gateway that stops reporting for 5 minutes raises an alert: its uplink or power is gone.' },
    },
    {
      ref: 'operators',
      kind: 'web-client',
      name: 'Operator dashboard',
      ...cell(0, 2),
      properties: { platform: 'browser', offline: 'offline-read', retryPolicy: 'backoff' },
      rationale: { offline: 'The last readings stay visible when the office network drops.' },
    },
    {
      ref: 'cdn',
      kind: 'cdn-pop',
      name: 'CDN',
      ...cell(1, 2),
      properties: { hitRatio: 95, ttl: 10 * SECOND, invalidation: 'versioned', pops: 30, placement: 'edge' },
      rationale: { ttl: 'Dashboard tiles may be 10 s old; the CDN absorbs hundreds of operators polling the same tiles.' },
    },
  ],
  connections: [
    {
      from: 'sensors',
      to: 'gateway',
      properties: { protocol: 'mqtt', mode: 'async', delivery: 'at-most-once', latency: 5, encrypted: true },
      rationale: { delivery: 'QoS 0 on the local network: a lost one-second reading is covered by the next.' },
    },
    {
      from: 'gateway',
      to: 'broker',
      label: 'summaries',
      properties: { protocol: 'mqtt', mode: 'async', delivery: 'at-least-once', timeout: 30 * SECOND, retries: 100, backoff: 'exponential-jitter', latency: 20, crossesFailureDomain: true, encrypted: true },
      rationale: { crossesFailureDomain: 'The uplink leaves the factory; this is the link the store-and-forward buffer protects.' },
    },
    { from: 'broker', to: 'telemetry', properties: { protocol: 'kafka', mode: 'async', delivery: 'at-least-once', timeout: 30 * SECOND, retries: 10, backoff: 'exponential' } },
    { from: 'telemetry', to: 'detector', label: 'consume', properties: { protocol: 'kafka', mode: 'stream', delivery: 'at-least-once' } },
    { from: 'detector', to: 'lake', properties: { protocol: 'https', mode: 'async', delivery: 'at-least-once', timeout: MINUTE, retries: 5, backoff: 'exponential' } },
    { from: 'operators', to: 'cdn', properties: { protocol: 'http2', mode: 'sync', delivery: 'at-most-once', timeout: 10 * SECOND, retries: 1, latency: 15, crossesFailureDomain: true } },
    {
      from: 'cdn',
      to: 'api',
      label: 'cache miss',
      properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 10 * SECOND, latency: 30, crossesFailureDomain: true },
      rationale: { timeout: 'On a timeout the CDN serves the stale tile instead of an error.' },
    },
    { from: 'api', to: 'lake', properties: { protocol: 'sql', mode: 'sync', delivery: 'at-most-once', timeout: 5 * SECOND } },
    { from: 'monitoring', to: 'broker', label: 'health', properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 5 * SECOND } },
  ],
}
