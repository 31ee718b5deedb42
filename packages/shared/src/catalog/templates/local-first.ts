import { DAY, HOUR, MINUTE, SECOND } from '../define.ts'
import type { Template } from '../types.ts'
import { box, cell, inside } from './grid.ts'

const region = box(3, 2)

export const LOCAL_FIRST: Template = {
  id: 'local-first',
  name: 'Local-first collaborative notes',
  description:
    'Every device keeps a full CRDT replica and edits offline; a relay in the cloud passes updates between devices and stores compacted snapshots, but is never needed to edit.',
  containers: [{ ref: 'region', kind: 'region', name: 'eu-west', ...cell(1, 0), ...region }],
  components: [
    {
      ref: 'laptop',
      kind: 'crdt-replica',
      name: 'Laptop replica',
      ...cell(0, 0),
      properties: { crdtType: 'op', sync: 'both', offlineHorizon: 30 * DAY, dataType: 'text', consistency: 'strong-eventual', placement: 'on-device', pacelc: 'PA/EL' },
      rationale: {
        consistency: 'Replicas that received the same updates show the same text, whatever the order they arrived in.',
        offlineHorizon: 'A month offline still merges; older tombstones are compacted away, so longer absences resync from a snapshot.',
      },
    },
    {
      ref: 'phone',
      kind: 'crdt-replica',
      name: 'Phone replica',
      ...cell(0, 1),
      properties: { crdtType: 'op', sync: 'relay', offlineHorizon: 30 * DAY, dataType: 'text', consistency: 'strong-eventual', placement: 'on-device' },
      rationale: { sync: 'Phones sync through the relay only: peer-to-peer drains the battery and rarely finds a peer.' },
    },
    {
      ref: 'relay',
      kind: 'stateless-service',
      name: 'Sync relay',
      in: 'region',
      ...inside(0, 0),
      properties: { replicasMin: 2, replicasDesired: 3, replicasMax: 12, autoscaling: 'request-rate', deployment: 'rolling', idempotency: 'all', state: 'soft-state', availability: 99.5 },
      rationale: {
        availability: 'Only 99.5 %: when the relay is down people keep editing locally and sync later.',
        idempotency: 'CRDT updates are idempotent, so a device resends everything unacknowledged after a reconnect.',
      },
    },
    {
      ref: 'auth',
      kind: 'serverless-function',
      name: 'Sharing & auth',
      in: 'region',
      ...inside(1, 0),
      properties: { memory: 256, maxDuration: 10 * SECOND, coldStart: 400, maxConcurrency: 200, state: 'stateless' },
      rationale: { coldStart: 'A 400 ms cold start is fine: sharing a document is rare and not latency-critical.' },
    },
    {
      ref: 'k8s',
      kind: 'container-cluster',
      name: 'Relay cluster',
      in: 'region',
      ...inside(2, 0),
      properties: { orchestrator: 'kubernetes', nodes: 3, controlPlaneReplicas: 3, spread: 'zone', placement: 'multi-zone' },
      rationale: { spread: 'Relay pods are spread over zones, so losing one zone drops a third of the connections, which then reconnect.' },
    },
    {
      ref: 'snapshots',
      kind: 'object-store',
      name: 'Document snapshots',
      in: 'region',
      ...inside(0, 1),
      properties: { redundancy: 'replication-3', durability: 99.999999999, storedData: 2, listConsistency: 'strong' },
      rationale: { redundancy: 'Devices are the primary copies; the store is the backup and the fast path for a new device.' },
    },
    {
      ref: 'compaction',
      kind: 'batch-job',
      name: 'History compaction',
      in: 'region',
      ...inside(1, 1),
      properties: { model: 'dag', schedule: 'daily', deadline: 4 * HOUR, speculative: false, inputSize: 0.5 },
      rationale: { schedule: 'Nightly, folding each document’s update log into a snapshot so new devices download less.' },
    },
    {
      ref: 'monitoring',
      kind: 'monitoring',
      name: 'Relay monitor',
      in: 'region',
      ...inside(2, 1),
      properties: { scrapeInterval: 15 * SECOND, scalingSignal: 'request-rate', cooldown: 5 * MINUTE, alerting: 'slo-burn' },
      rationale: { scalingSignal: 'Relays scale on open connections and update rate, not CPU.' },
    },
  ],
  connections: [
    {
      from: 'laptop',
      to: 'relay',
      label: 'updates',
      properties: { protocol: 'websocket', mode: 'stream', delivery: 'at-least-once', timeout: 30 * SECOND, retries: 100, backoff: 'exponential-jitter', latency: 30, crossesFailureDomain: true, encrypted: true },
      rationale: { delivery: 'Unacknowledged updates are resent after a reconnect; applying one twice changes nothing.' },
    },
    { from: 'phone', to: 'relay', label: 'updates', properties: { protocol: 'websocket', mode: 'stream', delivery: 'at-least-once', timeout: 30 * SECOND, retries: 100, backoff: 'exponential-jitter', latency: 60, crossesFailureDomain: true, encrypted: true } },
    {
      from: 'laptop',
      to: 'phone',
      label: 'same network',
      properties: { protocol: 'udp', mode: 'async', delivery: 'at-least-once', latency: 5, encrypted: true },
      rationale: { protocol: 'WebRTC data channel when both are on the same network, so editing together works without internet.' },
    },
    { from: 'laptop', to: 'auth', label: 'share', properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 10 * SECOND, retries: 1, crossesFailureDomain: true } },
    { from: 'relay', to: 'snapshots', label: 'save', properties: { protocol: 'https', mode: 'async', delivery: 'at-least-once', timeout: MINUTE, retries: 5, backoff: 'exponential' } },
    { from: 'compaction', to: 'snapshots', label: 'compact', properties: { protocol: 'https', mode: 'sync', delivery: 'at-least-once', timeout: 5 * MINUTE, retries: 3, backoff: 'exponential' } },
    { from: 'k8s', to: 'relay', label: 'schedules', properties: { protocol: 'grpc', mode: 'sync', delivery: 'at-most-once', timeout: 30 * SECOND } },
    { from: 'monitoring', to: 'relay', label: 'scrape', properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 5 * SECOND } },
  ],
}
