import { SERVER_LABELS } from './lib/servers.ts'
import type { BenchResults } from './report.ts'
import { clientCpuCell } from './report-format.ts'
import type { MemorySweep } from './scenarios/memory.ts'

const kib = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} KiB` : '–')
const points = (sweep: MemorySweep) => sweep.points.map((p) => `${p.count}: ${p.rssMb.toFixed(0)}`).join(', ')

/** Memory per idle connection and per open board: slopes over the sweeps, with the points. */
export function memoryTable(results: BenchResults): string[] {
  const lines = [
    '### Memory: resident set per idle connection and per open board',
    '',
    'Least-squares slopes over sweeps from their second step (the first also compiles the code paths a connection runs), after a full garbage collection at each step: idle connections (synced, silent) added to one board, and boards opened one idle connection each (so the per-board slope includes one connection). Clients are only added, never closed, during a sweep. "Outside heap" is what V8 accounts for beyond its heap (Buffers and native allocations it is told of).',
    '',
    '| server | per idle connection (RSS) | per idle connection (heap) | per idle connection (outside heap) | per open board (RSS) | per open board (heap) | RSS MB at connections | RSS MB at boards | client CPU |',
    '|---|---:|---:|---:|---:|---:|---|---|---:|',
  ]
  for (const run of results.memory) {
    lines.push(
      `| ${SERVER_LABELS[run.kind]} | ${kib(run.connections.rssKiBPer)} | ${kib(run.connections.heapKiBPer)} | ${kib(run.connections.externalKiBPer)} | ${kib(run.boards.rssKiBPer)} | ${kib(run.boards.heapKiBPer)} | ${points(run.connections)} | ${points(run.boards)} | ${clientCpuCell([run.connections.clientCpu, run.boards.clientCpu])} |`,
    )
  }
  return lines
}
