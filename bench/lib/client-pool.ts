import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { quantile } from '@concord/test-kit/quantile'
import { monotonicMs } from '../client/growable.ts'
import {
  HISTOGRAM_BUCKETS,
  HISTOGRAM_STEP_MS,
  type AnalyzeResult,
  type ClientSpec,
  type FromWorker,
  type KindAnalysis,
  type OpenResult,
  type RunResult,
  type SendTable,
} from '../client/messages.ts'
import { request, spawnNode, stopProcess } from './processes.ts'
import { SERVER_CPU } from './servers.ts'

/** How long after the drain window a phase that missed deliveries looks again for late ones. */
const LATE_LOOK_MS = 3000

/** Client workers share the CPU the server does not use. */
export const CLIENT_CPU = 1 - SERVER_CPU

export interface LatencySummary {
  /** Sends measured. */
  sends: number
  /** Deliveries received / expected. */
  delivered: number
  expected: number
  /** Send to last receiver, per send (ms). */
  last: { p50: number; p99: number; max: number }
  /** Send to each receiver, per delivery (ms). */
  all: { p50: number; p99: number; max: number }
}

export interface PhaseResult {
  doc: LatencySummary
  awareness: LatencySummary
  /**
   * Awareness frames and bytes per second of the measured window, summed over the thin clients
   * (every receiver but the orchestrator's probes): counted as they arrive, so any server can be
   * compared, whatever it does inside.
   */
  awarenessTraffic: { framesPerS: number; bytesPerS: number }
  finalShapes: RunResult['finalShapes']
  finalBeacons: RunResult['finalBeacons']
  /** Share of one core the client workers used together while the phase ran. */
  clientCpu: number
  /**
   * Document deliveries that arrived after the drain window, counted in a second
   * look 3 s later when the first missed some: late in the harness' window, not lost by the server.
   */
  lateDeliveries: number
  socketsLost: number
}

/** Client worker processes, each holding a share of the thin clients. */
export class ClientPool {
  private constructor(private readonly workers: ChildProcess[]) {}

  static start(count: number, root: string, logDir: string): ClientPool {
    const workers = Array.from({ length: count }, (_, index) =>
      spawnNode({
        args: ['--import', 'tsx', join(root, 'bench/client/worker.ts')],
        cwd: root,
        cpu: CLIENT_CPU,
        logFile: join(logDir, `worker-${index}.log`),
      }),
    )
    return new ClientPool(workers)
  }

  /**
   * Opens `clients` (round-robin over the workers), closing those open before unless `append`;
   * resolves with every new client's time to synced and the share of a core the workers used.
   */
  async open(clients: ClientSpec[], timeoutMs = 60_000, append = false): Promise<OpenResult & { clientCpu: number }> {
    const shares = this.workers.map((_, index) => clients.filter((__, i) => i % this.workers.length === index))
    const results = await Promise.all(
      this.workers.map((worker, index) =>
        request(worker, { type: 'open', clients: shares[index]!, append }, (reply) => ((reply as FromWorker).type === 'opened' ? (reply as { result: OpenResult }).result : undefined), timeoutMs, 'open clients'),
      ),
    )
    const cpuMs = results.reduce((sum, r) => sum + r.cpuMs, 0)
    const wallMs = Math.max(...results.map((r) => r.wallMs))
    return { syncMs: results.flatMap((r) => r.syncMs), failures: results.flatMap((r) => r.failures), cpuMs, wallMs, clientCpu: wallMs > 0 ? cpuMs / wallMs : 0 }
  }

  /**
   * Runs the writers for `warmupMs + measureMs` (sends in the warm-up are not measured), waits
   * `drainMs` for the last deliveries, then matches every reception to its send.
   * `receivers(room)` is how many thin clients of that room receive each send (sender excluded).
   */
  async run(warmupMs: number, measureMs: number, drainMs: number, receivers: (room: number) => number): Promise<PhaseResult> {
    const startAt = monotonicMs() + 200
    const measureFrom = startAt + warmupMs
    const measureUntil = measureFrom + measureMs
    const ran = await Promise.all(
      this.workers.map((worker) =>
        request(worker, { type: 'run', startAt, measureFrom, measureUntil }, (reply) => ((reply as FromWorker).type === 'ran' ? (reply as { result: RunResult }).result : undefined), warmupMs + measureMs + 30_000, 'run'),
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, drainMs))
    const doc = sortTable(concatTables(ran.map((r) => r.doc)))
    const awareness = sortTable(concatTables(ran.map((r) => r.awareness)))
    const analyze = () =>
      Promise.all(
        this.workers.map((worker) =>
          request(worker, { type: 'analyze', doc, awareness }, (reply) => ((reply as FromWorker).type === 'analyzed' ? (reply as { result: AnalyzeResult }).result : undefined), 120_000, 'analyze'),
        ),
      )
    const delivered = (analyses: AnalyzeResult[]) => {
      const summaries = [summarize(doc, analyses.map((a) => a.doc), receivers), summarize(awareness, analyses.map((a) => a.awareness), receivers)] as const
      // Documents only: awareness may arrive less often than sent, by design.
      return { summaries, missing: summaries[0].expected - summaries[0].delivered, count: summaries[0].delivered }
    }
    let analyses = await analyze()
    let counted = delivered(analyses)
    let lateDeliveries = 0
    if (counted.missing > 0) {
      // Missing now: late (the harness' window was short) or lost (by the server)? Look again.
      await new Promise((resolve) => setTimeout(resolve, LATE_LOOK_MS))
      const before = counted.count
      analyses = await analyze()
      counted = delivered(analyses)
      lateDeliveries = counted.count - before
    }
    const wall = Math.max(...ran.map((r) => r.wallMs))
    const perSecond = (pick: (r: RunResult) => number) => ran.reduce((sum, r) => sum + pick(r), 0) / (measureMs / 1000)
    return {
      doc: counted.summaries[0],
      awareness: counted.summaries[1],
      awarenessTraffic: { framesPerS: perSecond((r) => r.awarenessFrames.frames), bytesPerS: perSecond((r) => r.awarenessFrames.bytes) },
      lateDeliveries,
      finalShapes: Object.assign({}, ...ran.map((r) => r.finalShapes)),
      finalBeacons: Object.assign({}, ...ran.map((r) => r.finalBeacons)),
      clientCpu: ran.reduce((sum, r) => sum + r.cpuMs, 0) / wall,
      socketsLost: analyses.reduce((sum, a) => sum + a.dropped, 0),
    }
  }

  /** Closes every client (the workers stay for the next phase). */
  async closeClients(): Promise<void> {
    await Promise.all(
      this.workers.map((worker) => request(worker, { type: 'close' }, (reply) => ((reply as FromWorker).type === 'closed' ? true : undefined), 30_000, 'close clients')),
    )
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => stopProcess(worker)))
  }
}

function concatTables(tables: SendTable[]): SendTable {
  const join = (pick: (table: SendTable) => Float64Array) => {
    const out = new Float64Array(tables.reduce((sum, table) => sum + pick(table).length, 0))
    let offset = 0
    for (const table of tables) {
      out.set(pick(table), offset)
      offset += pick(table).length
    }
    return out
  }
  return { keys: join((t) => t.keys), lengths: join((t) => t.lengths), times: join((t) => t.times), rooms: join((t) => t.rooms) }
}

function sortTable(table: SendTable): SendTable {
  const order = Array.from(table.keys.keys()).sort((a, b) => table.keys[a]! - table.keys[b]!)
  const pick = (column: Float64Array) => Float64Array.from(order, (index) => column[index]!)
  return { keys: pick(table.keys), lengths: pick(table.lengths), times: pick(table.times), rooms: pick(table.rooms) }
}

function summarize(sends: SendTable, analyses: KindAnalysis[], receivers: (room: number) => number): LatencySummary {
  const count = sends.keys.length
  const last: number[] = []
  let delivered = 0
  let expected = 0
  for (let send = 0; send < count; send++) {
    let deliveries = 0
    let latest = 0
    for (const analysis of analyses) {
      deliveries += analysis.counts[send]!
      latest = Math.max(latest, analysis.lastReceive[send]!)
    }
    delivered += deliveries
    expected += receivers(sends.rooms[send]!)
    if (deliveries > 0) last.push(latest - sends.times[send]!)
  }
  const histogram = new Uint32Array(HISTOGRAM_BUCKETS)
  for (const analysis of analyses) for (let bucket = 0; bucket < HISTOGRAM_BUCKETS; bucket++) histogram[bucket]! += analysis.histogram[bucket]!
  last.sort((a, b) => a - b)
  return {
    sends: count,
    delivered,
    expected,
    last: { p50: quantile(last, 0.5), p99: quantile(last, 0.99), max: last.at(-1) ?? NaN },
    all: { p50: histogramQuantile(histogram, 0.5), p99: histogramQuantile(histogram, 0.99), max: histogramMax(histogram) },
  }
}

function histogramQuantile(histogram: Uint32Array, q: number): number {
  const total = histogram.reduce((sum, n) => sum + n, 0)
  if (total === 0) return NaN
  const rank = Math.ceil(q * total)
  let seen = 0
  for (let bucket = 0; bucket < histogram.length; bucket++) {
    seen += histogram[bucket]!
    if (seen >= rank) return (bucket + 1) * HISTOGRAM_STEP_MS
  }
  return NaN
}

function histogramMax(histogram: Uint32Array): number {
  for (let bucket = histogram.length - 1; bucket >= 0; bucket--) if (histogram[bucket]! > 0) return (bucket + 1) * HISTOGRAM_STEP_MS
  return NaN
}
