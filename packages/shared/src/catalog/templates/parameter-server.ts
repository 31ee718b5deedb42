import { HOUR, MINUTE, SECOND } from '../define.ts'
import type { Template } from '../types.ts'
import { box, cell, GUTTER, HEADER, inside, PAD, STEP } from './grid.ts'

const workersRack = box(1, 2)
const serversRack = box(1, 2)
const rackY = HEADER + STEP.y
const datacenter = { w: PAD + 3 * workersRack.w + 2 * GUTTER + PAD, h: rackY + workersRack.h + PAD }

const workers = {
  kind: 'training-workers',
  properties: { workers: 8, accelerator: 'gpu', strategy: 'data', batchPerWorker: 256, onWorkerFailure: 'elastic', state: 'soft-state', failureModel: 'crash-stop' },
} as const

const shard = {
  kind: 'parameter-server',
  properties: { shards: 4, synchrony: 'ssp', stalenessBound: 3, checkpointInterval: 10 * MINUTE, shardReplication: false, state: 'stateful', failureModel: 'crash-recovery' },
} as const

export const PARAMETER_SERVER: Template = {
  id: 'parameter-server',
  name: 'Parameter-server training',
  description:
    'Two racks of GPU workers push gradients to and pull parameters from sharded parameter servers under stale-synchronous parallelism, with data and checkpoints in an object store.',
  containers: [
    { ref: 'dc', kind: 'datacenter', name: 'Training data centre', ...cell(0, 0), ...datacenter },
    { ref: 'rack-1', kind: 'rack', name: 'Rack 1 (GPU)', in: 'dc', x: PAD, y: rackY, ...workersRack },
    { ref: 'rack-2', kind: 'rack', name: 'Rack 2 (GPU)', in: 'dc', x: PAD + workersRack.w + GUTTER, y: rackY, ...workersRack },
    { ref: 'rack-3', kind: 'rack', name: 'Rack 3 (CPU)', in: 'dc', x: PAD + 2 * (workersRack.w + GUTTER), y: rackY, ...serversRack },
  ],
  components: [
    {
      ref: 'scheduler',
      kind: 'resource-manager',
      name: 'Cluster scheduler',
      in: 'dc',
      ...inside(0, 0),
      properties: { policy: 'gang', preemption: true, highAvailability: 'active-standby', managedNodes: 40, heartbeat: 3 * SECOND },
      rationale: {
        policy: 'Gang scheduling starts all 16 workers together or none; half a job would just wait at the first barrier.',
        preemption: 'Higher-priority jobs may evict us, so we checkpoint every 10 minutes.',
      },
    },
    {
      ref: 'store',
      kind: 'object-store',
      name: 'Data & checkpoints',
      in: 'dc',
      ...inside(1, 0),
      properties: { redundancy: 'erasure-coding', durability: 99.999999999, storedData: 120, blockSize: 128, listConsistency: 'strong' },
      rationale: { redundancy: 'Erasure coding keeps 120 TB of training data durable at 1.5× the size instead of 3×.' },
    },
    {
      ref: 'monitoring',
      kind: 'monitoring',
      name: 'Training dashboard',
      in: 'dc',
      ...inside(2, 0),
      properties: { scrapeInterval: 30 * SECOND, scalingSignal: 'none', alerting: 'thresholds' },
      rationale: { alerting: 'We alert when step time doubles: usually a straggler or a failing GPU.' },
    },
    {
      ref: 'workers-1',
      name: 'Workers 0-7',
      in: 'rack-1',
      ...inside(0, 0),
      ...workers,
      rationale: {
        strategy: 'The model fits on one GPU, so every worker holds a full copy and trains on its own slice of data.',
        onWorkerFailure: 'Elastic: training continues with 15 workers while a replacement starts.',
      },
    },
    {
      ref: 'workers-2',
      name: 'Workers 8-15',
      in: 'rack-2',
      ...inside(0, 0),
      ...workers,
      rationale: { workers: 'A second rack doubles throughput; beyond 16 workers the parameter servers become the bottleneck.' },
    },
    {
      ref: 'ps-1',
      name: 'PS shards 0-3',
      in: 'rack-3',
      ...inside(0, 0),
      ...shard,
      rationale: {
        synchrony: 'SSP: no worker waits for stragglers unless it gets 3 steps ahead, which keeps convergence close to BSP.',
        stalenessBound: 'A bound of 3 hid most straggler delay in our runs without hurting accuracy.',
      },
    },
    {
      ref: 'ps-2',
      name: 'PS shards 4-7',
      in: 'rack-3',
      ...inside(0, 1),
      ...shard,
      rationale: { shardReplication: 'No hot standby: losing a shard rolls back to the last checkpoint, at most 10 minutes of work.' },
    },
    {
      ref: 'serving',
      kind: 'model-serving',
      name: 'Model serving',
      x: datacenter.w + GUTTER,
      y: 0,
      properties: { accelerator: 'gpu', batching: 'dynamic', maxBatchDelay: 5, rollout: 'canary', latencyP99: 80, replicasDesired: 3 },
      rationale: { rollout: 'A new model gets 5 % of traffic first; we compare its accuracy before switching over.' },
    },
  ],
  connections: [
    {
      from: 'workers-1',
      to: 'ps-1',
      label: 'push gradients / pull parameters',
      properties: { protocol: 'rdma', mode: 'sync', delivery: 'at-least-once', timeout: 10 * SECOND, retries: 3, latency: 0.05, crossesFailureDomain: true },
      rationale: { crossesFailureDomain: 'Rack 3 has its own switch: if it fails every worker stalls, which is one reason we checkpoint.' },
    },
    { from: 'workers-1', to: 'ps-2', properties: { protocol: 'rdma', mode: 'sync', delivery: 'at-least-once', timeout: 10 * SECOND, retries: 3, latency: 0.05, crossesFailureDomain: true } },
    { from: 'workers-2', to: 'ps-1', properties: { protocol: 'rdma', mode: 'sync', delivery: 'at-least-once', timeout: 10 * SECOND, retries: 3, latency: 0.05, crossesFailureDomain: true } },
    { from: 'workers-2', to: 'ps-2', properties: { protocol: 'rdma', mode: 'sync', delivery: 'at-least-once', timeout: 10 * SECOND, retries: 3, latency: 0.05, crossesFailureDomain: true } },
    {
      from: 'workers-1',
      to: 'store',
      label: 'read data',
      properties: { protocol: 'https', mode: 'stream', delivery: 'at-least-once', timeout: MINUTE, retries: 5, backoff: 'exponential' },
      rationale: { mode: 'Workers prefetch the next shards of data while the GPU trains on the current one.' },
    },
    { from: 'workers-2', to: 'store', label: 'read data', properties: { protocol: 'https', mode: 'stream', delivery: 'at-least-once', timeout: MINUTE, retries: 5, backoff: 'exponential' } },
    {
      from: 'ps-1',
      to: 'store',
      label: 'checkpoint',
      properties: { protocol: 'https', mode: 'async', delivery: 'at-least-once', timeout: 5 * MINUTE, retries: 5, backoff: 'exponential' },
      rationale: { delivery: 'Checkpoints are written under a new name and then committed, so a retry never leaves half a checkpoint.' },
    },
    { from: 'ps-2', to: 'store', label: 'checkpoint', properties: { protocol: 'https', mode: 'async', delivery: 'at-least-once', timeout: 5 * MINUTE, retries: 5, backoff: 'exponential' } },
    { from: 'scheduler', to: 'workers-1', label: 'launch', properties: { protocol: 'grpc', mode: 'sync', delivery: 'at-most-once', timeout: 30 * SECOND } },
    { from: 'scheduler', to: 'workers-2', label: 'launch', properties: { protocol: 'grpc', mode: 'sync', delivery: 'at-most-once', timeout: 30 * SECOND } },
    { from: 'serving', to: 'store', label: 'load model', properties: { protocol: 'https', mode: 'sync', delivery: 'at-least-once', timeout: HOUR, retries: 3, crossesFailureDomain: true } },
    { from: 'monitoring', to: 'workers-1', label: 'step time', properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 5 * SECOND } },
  ],
}
