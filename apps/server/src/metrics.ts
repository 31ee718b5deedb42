import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/** Fine buckets at the low end: a group commit and its acknowledgement take milliseconds. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/**
 * The server's Prometheus metrics, served by `GET /metrics`. One registry per server (tests run
 * several in one process); the process metrics (`process_*`, `nodejs_*`: memory, event-loop
 * delay, ...) come from prom-client's defaults.
 */
export class ConcordMetrics {
  readonly registry = new Registry()

  readonly updates = new Counter({
    name: 'concord_updates_total',
    help: 'Document updates received and appended to the update log',
    registers: [this.registry],
  })

  readonly commitDuration = new Histogram({
    name: 'concord_commit_duration_seconds',
    help: 'Time one group commit (one database transaction) took',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  })

  readonly commitUpdates = new Histogram({
    name: 'concord_commit_updates',
    help: 'Updates written per group commit',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [this.registry],
  })

  readonly commitFailures = new Counter({
    name: 'concord_commit_failures_total',
    help: 'Group commits the database refused (each is retried)',
    registers: [this.registry],
  })

  readonly ackDelay = new Histogram({
    name: 'concord_ack_delay_seconds',
    help: 'Time from applying a client update to sending its acknowledgement (held until the update is committed)',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  })

  readonly compactions = new Counter({
    name: 'concord_compactions_total',
    help: 'Update logs compacted into a snapshot',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  })

  readonly fullStateReuses = new Counter({
    name: 'concord_full_state_reuses_total',
    help: 'Joining replicas answered with a cached encoding of the whole document instead of a fresh one',
    registers: [this.registry],
  })

  readonly refusedUpdates = new Counter({
    name: 'concord_refused_updates_total',
    help: 'Client updates refused before apply (invalid: cannot be applied; limit: breaks a structural or size limit)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  })

  readonly quarantinedUpdates = new Counter({
    name: 'concord_quarantined_updates_total',
    help: 'Stored updates that could not be applied at load and were set aside',
    registers: [this.registry],
  })

  readonly limitedMessages = new Counter({
    name: 'concord_limited_messages_total',
    help: 'Client messages dropped or coalesced by a per-connection limit, by message kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  })

  readonly limitClosures = new Counter({
    name: 'concord_limit_closures_total',
    help: 'Connections closed for passing a hard per-connection message limit',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  })

  constructor() {
    collectDefaultMetrics({ register: this.registry })
  }

  /** A gauge read when scraped. */
  gauge(name: string, help: string, read: () => number): Gauge {
    return new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read())
      },
    })
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() }
  }
}
