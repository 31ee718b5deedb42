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

  readonly updates = counter(this.registry, 'concord_updates_total', 'Document updates received and appended to the update log')

  readonly commitDuration = histogram(this.registry, 'concord_commit_duration_seconds', 'Time one group commit (one database transaction) took', LATENCY_BUCKETS)

  readonly commitUpdates = histogram(this.registry, 'concord_commit_updates', 'Updates written per group commit', [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000])

  readonly commitFailures = counter(this.registry, 'concord_commit_failures_total', 'Group commits the database refused (each is retried)')

  readonly ackDelay = histogram(this.registry, 'concord_ack_delay_seconds', 'Time from applying a client update to sending its acknowledgement (held until the update is committed)', LATENCY_BUCKETS)

  readonly compactions = counter(this.registry, 'concord_compactions_total', 'Update logs compacted into a snapshot', ['reason'])

  readonly fullStateReuses = counter(this.registry, 'concord_full_state_reuses_total', 'Joining replicas answered with a cached encoding of the whole document instead of a fresh one')

  readonly refusedUpdates = counter(this.registry, 'concord_refused_updates_total', 'Client updates refused before apply (invalid: cannot be applied; limit: breaks a structural or size limit)', ['reason'])

  readonly quarantinedUpdates = counter(this.registry, 'concord_quarantined_updates_total', 'Stored updates that could not be applied at load and were set aside')

  readonly limitedMessages = counter(this.registry, 'concord_limited_messages_total', 'Client messages dropped or coalesced by a per-connection limit, by message kind', ['kind'])

  readonly limitClosures = counter(this.registry, 'concord_limit_closures_total', 'Connections closed for passing a hard per-connection message limit', ['limit'])

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

function counter<Label extends string = never>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly Label[] = [],
): Counter<Label> {
  return new Counter({ name, help, labelNames, registers: [registry] })
}

function histogram(registry: Registry, name: string, help: string, buckets: number[]): Histogram {
  return new Histogram({ name, help, buckets, registers: [registry] })
}
