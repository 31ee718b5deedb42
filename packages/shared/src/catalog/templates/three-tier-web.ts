import type { Template } from '../types.ts'
import { box, cell, inside } from './grid.ts'

const region = box(2, 2)

export const THREE_TIER_WEB: Template = {
  id: 'three-tier-web',
  name: 'Three-tier web app',
  description: 'Browsers call a replicated stateless application tier in front of a replicated relational database.',
  containers: [{ ref: 'region', kind: 'region', name: 'eu-west', ...cell(1, 0), ...region }],
  components: [
    {
      ref: 'browser',
      kind: 'web-client',
      name: 'Browser',
      ...cell(0, 0),
      properties: { platform: 'browser', offline: 'online-only', retryPolicy: 'backoff' },
      rationale: { retryPolicy: 'Backoff with jitter so a restart of the app tier is not met by a retry storm.' },
    },
    {
      ref: 'app',
      kind: 'stateless-service',
      name: 'App servers',
      in: 'region',
      ...inside(0, 0),
      properties: { state: 'stateless', replicasMin: 2, replicasDesired: 3, replicasMax: 12, deployment: 'rolling', availability: 99.95 },
      rationale: {
        replicasMin: 'Two replicas in different zones so one zone outage still leaves one serving.',
        state: 'Sessions live in the cache, so any replica can take any request.',
      },
    },
    {
      ref: 'db',
      kind: 'relational-db',
      name: 'Orders DB',
      in: 'region',
      ...inside(1, 1),
      properties: { replication: 'leader-semi-sync', isolation: 'snapshot', failover: 'automatic', readReplicas: 2, state: 'stateful', rpo: 0 },
      rationale: {
        replication: 'Semi-synchronous: a commit waits for one follower, so losing the leader loses no acknowledged order.',
        isolation: 'Snapshot isolation avoids read skew in reports without the cost of serializable.',
      },
    },
  ],
  connections: [
    { from: 'browser', to: 'app', properties: { protocol: 'https', mode: 'sync', delivery: 'at-most-once', timeout: 10_000 } },
    { from: 'app', to: 'db', properties: { protocol: 'sql', mode: 'sync', delivery: 'at-most-once', timeout: 2000, retries: 1 } },
  ],
}
