import { DAY, HOUR, MINUTE, SECOND } from '../define.ts'
import type { Template, TemplateComponent } from '../types.ts'
import { box, cell, GUTTER, inside } from './grid.ts'

const site = box(2, 1)
const region = box(2, 2)
const regionX = site.w + GUTTER

function records(hospital: 'A' | 'B', rationale: Record<string, string>): TemplateComponent {
  return {
    ref: `records-${hospital}`,
    kind: 'data-warehouse',
    name: `Patient records (${hospital})`,
    in: `hospital-${hospital}`,
    ...inside(0, 0),
    properties: { format: 'warehouse', freshness: DAY, partitionBy: 'date', storedData: hospital === 'A' ? 4 : 1.5, placement: 'edge' },
    rationale,
  }
}

function trainer(hospital: 'A' | 'B', rationale: Record<string, string>): TemplateComponent {
  return {
    ref: `trainer-${hospital}`,
    kind: 'training-workers',
    name: `Local trainer (${hospital})`,
    in: `hospital-${hospital}`,
    ...inside(1, 0),
    properties: { workers: 1, accelerator: 'gpu', strategy: 'data', batchPerWorker: 32, onWorkerFailure: 'restart-job', placement: 'edge', failureModel: 'crash-recovery' },
    rationale,
  }
}

export const FEDERATED_LEARNING: Template = {
  id: 'federated-learning',
  name: 'Federated learning',
  description:
    'Hospitals train a shared diagnosis model on records that never leave their sites; a cloud aggregator combines their updates each round and serves the model to clinicians.',
  containers: [
    { ref: 'hospital-A', kind: 'edge-site', name: 'Hospital A', ...cell(0, 0), ...site },
    { ref: 'hospital-B', kind: 'edge-site', name: 'Hospital B', x: 0, y: site.h + GUTTER, ...site },
    { ref: 'region', kind: 'region', name: 'Coordinator region', x: regionX, y: 0, ...region },
  ],
  components: [
    records('A', {
      freshness: 'Records are exported nightly; the model does not need today’s admissions.',
      placement: 'Law keeps the records inside the hospital, which is why we federate instead of collecting them.',
    }),
    trainer('A', {
      workers: 'One GPU per hospital is enough for a few local epochs per round.',
      onWorkerFailure: 'A failed round at one hospital is simply skipped; the aggregator proceeds with the others.',
    }),
    records('B', { storedData: 'Hospital B is smaller; FedAvg-style weighting gives its updates less weight.' }),
    trainer('B', {
      failureModel: 'A trainer may crash mid-round and rejoin a later one; we assume hospitals send honest (not Byzantine) updates.',
    }),
    {
      ref: 'aggregator',
      kind: 'fl-aggregator',
      name: 'FL aggregator',
      in: 'region',
      ...inside(0, 0),
      properties: { aggregationRule: 'fedprox', clientsPerRound: 2, minClients: 2, roundTimeout: HOUR, secureAggregation: true, dpEpsilon: 3, state: 'stateful', rpo: HOUR },
      rationale: {
        aggregationRule: 'FedProx, because the two hospitals see very different patients (non-IID data).',
        secureAggregation: 'The aggregator only sees the sum of updates, so it cannot learn about one hospital’s patients.',
        dpEpsilon: 'ε = 3 per training run was agreed with the ethics board.',
      },
    },
    {
      ref: 'models',
      kind: 'object-store',
      name: 'Model registry',
      in: 'region',
      ...inside(1, 0),
      properties: { redundancy: 'geo-replicated', durability: 99.999999999, storedData: 0.5, listConsistency: 'strong' },
      rationale: { redundancy: 'Every round’s global model is kept, so a bad round can be rolled back.' },
    },
    {
      ref: 'serving',
      kind: 'model-serving',
      name: 'Diagnosis API',
      in: 'region',
      ...inside(0, 1),
      properties: { accelerator: 'cpu', batching: 'none', rollout: 'shadow', latencyP99: 200, replicasDesired: 2, availability: 99.9 },
      rationale: { rollout: 'A new global model runs in shadow for a week before clinicians see its answers.' },
    },
    {
      ref: 'monitoring',
      kind: 'monitoring',
      name: 'Round monitor',
      in: 'region',
      ...inside(1, 1),
      properties: { scrapeInterval: MINUTE, scalingSignal: 'none', alerting: 'thresholds', retention: 365 * DAY },
      rationale: { alerting: 'We alert when a round ends with fewer than two hospitals or validation accuracy drops.' },
    },
    {
      ref: 'clinicians',
      kind: 'web-client',
      name: 'Clinician app',
      x: 0,
      y: 2 * (site.h + GUTTER),
      properties: { platform: 'desktop', offline: 'online-only', retryPolicy: 'backoff' },
      rationale: { offline: 'A diagnosis suggestion must come from the current model, so there is no offline mode.' },
    },
  ],
  connections: [
    { from: 'trainer-A', to: 'records-A', label: 'read locally', properties: { protocol: 'sql', mode: 'sync', delivery: 'at-most-once', timeout: MINUTE } },
    { from: 'trainer-B', to: 'records-B', label: 'read locally', properties: { protocol: 'sql', mode: 'sync', delivery: 'at-most-once', timeout: MINUTE } },
    {
      from: 'trainer-A',
      to: 'aggregator',
      label: 'model update',
      properties: { protocol: 'grpc', mode: 'async', delivery: 'at-least-once', timeout: 5 * MINUTE, retries: 5, backoff: 'exponential-jitter', latency: 25, crossesFailureDomain: true, encrypted: true },
      rationale: {
        delivery: 'Updates carry the round number, so a retried update is counted once.',
        encrypted: 'mTLS, and the update itself is masked for secure aggregation.',
      },
    },
    { from: 'trainer-B', to: 'aggregator', label: 'model update', properties: { protocol: 'grpc', mode: 'async', delivery: 'at-least-once', timeout: 5 * MINUTE, retries: 5, backoff: 'exponential-jitter', latency: 40, crossesFailureDomain: true, encrypted: true } },
    { from: 'aggregator', to: 'models', label: 'save round', properties: { protocol: 'https', mode: 'sync', delivery: 'at-least-once', timeout: MINUTE, retries: 3 } },
    { from: 'serving', to: 'models', label: 'load model', properties: { protocol: 'https', mode: 'sync', delivery: 'at-least-once', timeout: MINUTE, retries: 3 } },
    {
      from: 'clinicians',
      to: 'serving',
      properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 5 * SECOND, retries: 1, latency: 30, crossesFailureDomain: true, encrypted: true },
    },
    { from: 'monitoring', to: 'aggregator', label: 'round stats', properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 5 * SECOND } },
  ],
}
