import type { BenchResults } from './report.ts'
import { clientCpuCell, deliveries, median, percent, spread, verified } from './report-format.ts'

/** The disk-contention table: Concord's fan-out room with an idle and with a busy disk. */
export function diskTable(results: BenchResults): string[] {
  const { clients, writerHz, timing } = results.plan.disk
  const lines = [
    `### Disk contention: Concord's fan-out room (N = ${clients}, one writer at ${writerHz} Hz, ${timing.measureMs / 1000} s measured per run), idle disk against busy disk`,
    '',
    'Busy: another process writes 64 KiB blocks to the same file system as the server\'s data directory, each followed by `fdatasync`, for the whole run (one file of at most 256 MiB, in a temporary directory, stopped by its PID). Runs alternate idle and busy. Latency per write, to its last receiver.',
    '',
    '| disk | runs | writes | p50 | p99 | max | p99 / idle | delivered / expected | server CPU | event-loop delay p99 | group commit mean / ack delay mean | the other process: synced writes, its CPU | client CPU | probes verified |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ]
  const idleP99 = median(results.disk.filter((r) => r.disk === 'idle').map((r) => r.doc.last.p99))
  for (const disk of ['idle', 'busy'] as const) {
    const runs = results.disk.filter((r) => r.disk === disk)
    if (runs.length === 0) continue
    const p99 = median(runs.map((r) => r.doc.last.p99))
    const loads = runs.flatMap((r) => (r.load ? [r.load] : []))
    const commits = runs.flatMap((r) => (r.durability ? [r.durability] : []))
    lines.push(
      `| ${disk} | ${runs.length} | ${spread(runs.map((r) => r.doc.sends), (v) => v.toFixed(0))} | ${spread(runs.map((r) => r.doc.last.p50))} | ${spread(runs.map((r) => r.doc.last.p99))} | ${spread(runs.map((r) => r.doc.last.max))} | ${Number.isFinite(idleP99) ? `${(p99 / idleP99).toFixed(2)}x` : '–'} | ${deliveries(runs.map((r) => r.doc))} | ${spread(runs.map((r) => r.server.cpuShare), percent)} | ${spread(runs.map((r) => r.server.loopDelayP99Ms))} | ${commits.length ? `${spread(commits.map((d) => d.commitMeanMs), (v) => v.toFixed(2))} / ${spread(commits.map((d) => d.ackDelayMeanMs))}` : 'n/a'} | ${loads.length ? `${spread(loads.map((l) => l.writes / l.seconds), (v) => v.toFixed(0))} /s, ${spread(loads.map((l) => l.cpuMs / 1000 / l.seconds), percent)}` : '–'} | ${clientCpuCell(runs.map((r) => r.clientCpu))} | ${verified(runs.map((r) => r.contentVerified))} |`,
    )
  }
  return lines
}
