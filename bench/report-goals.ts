import type { ServerKind } from './lib/servers.ts'
import type { BenchResults } from './report.ts'
import { harnessBound, median, percent, spread } from './report-format.ts'
import { roomsHeld } from './scenarios/rooms-per-node.ts'

interface Goal {
  goal: string
  /** The measured value the limit applies to; NaN when not measured. */
  value: number
  limit: number
  /** How the value reads, with its spread. */
  measured: string
  /** What may stand in the way of reading the result (harness-bound runs, late deliveries). */
  notes: string[]
  /** `atLeast`: met when the value is at least the limit (rooms per node); otherwise at most. */
  atLeast?: boolean
}

const ratio = (value: number) => `${value.toFixed(2)}x`

/** Ratios of paired runs (run i of one server against run i of the other, interleaved in time). */
function pairedRatios(a: { run: number; p99: number }[], b: { run: number; p99: number }[]): number[] {
  return a.flatMap((x) => {
    const y = b.find((other) => other.run === x.run)
    return y && y.p99 > 0 ? [x.p99 / y.p99] : []
  })
}

function fanoutGoals(results: BenchResults): Goal[] {
  const runsOf = (kind: ServerKind, clients: number) => results.fanout.filter((r) => r.kind === kind && r.clients === clients)
  const p99s = (kind: ServerKind, clients: number) => runsOf(kind, clients).map((r) => ({ run: r.run, p99: r.doc.last.p99 }))
  const compare = (clients: number, base: ServerKind, limit: number, label: string): Goal => {
    const concord = p99s('concord', clients)
    const other = p99s(base, clients)
    const value = median(concord.map((r) => r.p99)) / median(other.map((r) => r.p99))
    const bound = harnessBound([...runsOf('concord', clients), ...runsOf(base, clients)].map((r) => r.clientCpu))
    return {
      goal: `fan-out N=${clients}: Concord p99 ≤ ${limit.toFixed(1)} × ${label} p99`,
      value,
      limit,
      measured: `${ratio(value)}: Concord ${spread(concord.map((r) => r.p99))} vs ${spread(other.map((r) => r.p99))} ms; paired runs ${spread(pairedRatios(concord, other), ratio)}`,
      notes: bound ? ['harness-bound (client CPU > 85%)'] : [],
    }
  }
  return [compare(100, 'hocuspocus', 1, 'stock Hocuspocus'), compare(500, 'hocuspocus', 1, 'stock Hocuspocus'), compare(500, 'raw', 1.5, 'raw ws')]
}

function roomsGoal(results: BenchResults): Goal {
  const of = (kind: ServerKind) => results.rooms.filter((r) => r.kind === kind)
  const concord = of('concord')
  const stock = of('hocuspocus')
  const held = (steps: typeof concord) => (steps.length === 0 ? null : roomsHeld(steps))
  const [c, s] = [held(concord), held(stock)]
  const describe = (h: ReturnType<typeof held>) =>
    h === null ? 'not measured' : h.rooms === null ? `fewer than ${h.smallestTried}` : `${h.rooms.toLocaleString('en-US')}${h.largestTried ? ' (every size tried)' : ''}`
  // Concord must hold some size: two servers that both fail the smallest do not meet the goal.
  const value = c === null || s === null ? Number.NaN : c.rooms === null ? -1 : c.rooms - (s.rooms ?? 0)
  const notes: string[] = []
  for (const step of [...concord, ...stock]) {
    const lost = step.doc.expected - step.doc.delivered
    if (step.lateDeliveries > 0) notes.push(`${step.kind} R=${step.rooms}: ${step.lateDeliveries} deliveries late after the window (harness)`)
    if (lost > 0) notes.push(`${step.kind} R=${step.rooms}: ${lost} deliveries never arrived (${step.socketsLost > 0 ? `${step.socketsLost} sockets closed` : 'server'})`)
    if (harnessBound([step.clientCpu])) notes.push(`${step.kind} R=${step.rooms}: harness-bound`)
  }
  return { goal: 'rooms per node (p99 ≤ 100 ms, nothing lost): Concord ≥ stock Hocuspocus', value, limit: 0, atLeast: true, measured: `Concord ${describe(c)}, stock ${describe(s)}`, notes }
}

function diskGoal(results: BenchResults): Goal {
  const p99s = (disk: 'idle' | 'busy') => results.disk.filter((r) => r.disk === disk).map((r) => ({ run: r.run, p99: r.doc.last.p99 }))
  const [busy, idle] = [p99s('busy'), p99s('idle')]
  const value = median(busy.map((r) => r.p99)) / median(idle.map((r) => r.p99))
  return {
    goal: 'disk contention: Concord p99 with a busy disk ≤ 1.5 × with an idle disk (N=100)',
    value,
    limit: 1.5,
    measured: `${ratio(value)}: busy ${spread(busy.map((r) => r.p99))} vs idle ${spread(idle.map((r) => r.p99))} ms; paired runs ${spread(pairedRatios(busy, idle), ratio)}`,
    notes: harnessBound(results.disk.map((r) => r.clientCpu)) ? ['harness-bound (client CPU > 85%)'] : [],
  }
}

function memoryGoal(results: BenchResults): Goal {
  const sweep = (kind: ServerKind) => results.memory.find((r) => r.kind === kind)?.connections
  const [concord, stock] = [sweep('concord'), sweep('hocuspocus')]
  const kib = (value: number | undefined) => (value ?? Number.NaN).toFixed(1)
  const rss = (concord?.rssKiBPer ?? Number.NaN) / (stock?.rssKiBPer ?? Number.NaN)
  const heap = (concord?.heapKiBPer ?? Number.NaN) / (stock?.heapKiBPer ?? Number.NaN)
  // Both must hold: the RSS slope moves by a few KiB between runs (V8 grows its heap in steps),
  // the heap slope is steady but leaves out what lies outside the heap.
  const value = Math.max(rss, heap)
  return {
    goal: 'memory per idle connection: Concord ≤ 1.2 × stock Hocuspocus',
    value,
    limit: 1.2,
    measured: `RSS ${ratio(rss)}: ${kib(concord?.rssKiBPer)} vs ${kib(stock?.rssKiBPer)} KiB per connection; V8 heap ${ratio(heap)}: ${kib(concord?.heapKiBPer)} vs ${kib(stock?.heapKiBPer)} KiB (the larger ratio is judged)`,
    notes: [],
  }
}

function latencyGoals(results: BenchResults): Goal[] {
  const concord = <T extends { kind: ServerKind }>(runs: T[]) => runs.filter((r) => r.kind === 'concord')
  const at = (goal: string, values: number[], limit: number): Goal => ({ goal, value: median(values), limit, measured: `${spread(values)} ms`, notes: [] })
  const goals = [
    at('busy classroom: document p99 ≤ 50 ms', concord(results.busy).map((r) => r.doc.all.p99), 50),
    at('lecture hall: document p99 ≤ 100 ms', concord(results.lecture).map((r) => r.doc.all.p99), 100),
    at('lecture hall: awareness p99 ≤ 200 ms', concord(results.lecture).map((r) => r.awareness.all.p99), 200),
    at('join storm: time to synced p99 ≤ 2 s', concord(results.join).map((r) => r.syncMs.p99), 2000),
  ]
  const analysis500 = results.analysis.find((r) => r.components === 500)
  goals.push({
    goal: 'analysis of 500 components / 800 connections ≤ 20 ms (median)',
    value: analysis500?.ms.p50 ?? Number.NaN,
    limit: 20,
    measured: analysis500 ? `${analysis500.ms.p50.toFixed(1)} ms (min ${analysis500.ms.min.toFixed(1)} ms; CPU ${analysis500.cpuMs.p50.toFixed(1)} ms)` : '',
    notes: [],
  })
  return goals
}

/** The 1,000-seat hall (issue 25): latencies, the server's CPU, and no document delivery or socket lost. */
function hallGoals(results: BenchResults): Goal[] {
  const runs = results.hall.filter((r) => r.kind === 'concord')
  const notes = harnessBound(runs.map((r) => r.clientCpu)) ? ['harness-bound (client CPU > 85%)'] : []
  const at = (goal: string, values: number[], limit: number, measured: string): Goal => ({ goal, value: median(values), limit, measured, notes })
  const doc = runs.map((r) => r.doc.all.p99)
  const awareness = runs.map((r) => r.awareness.all.p99)
  const cpu = runs.map((r) => r.server.cpuShare)
  const lost = runs.map((r) => r.doc.expected - r.doc.delivered + r.socketsLost)
  return [
    at('1,000-seat hall: document p99 ≤ 100 ms', doc, 100, `${spread(doc)} ms`),
    at('1,000-seat hall: awareness p99 ≤ 200 ms', awareness, 200, `${spread(awareness)} ms`),
    at('1,000-seat hall: server CPU ≤ 80% of its core', cpu, 0.8, spread(cpu, percent)),
    at('1,000-seat hall: nothing lost (document deliveries missing, sockets closed)', lost, 0, spread(lost, (v) => v.toFixed(0))),
  ]
}

/** Every goal of the performance issues, each met or not, with its spread and what may stand in the way. */
export function goalsTable(results: BenchResults): string[] {
  const lines = ['### Goals', '', '| goal | measured (median of runs, min–max spread) | met | notes |', '|---|---|---|---|']
  const goals = [...fanoutGoals(results), roomsGoal(results), diskGoal(results), memoryGoal(results), ...latencyGoals(results), ...hallGoals(results)]
  for (const { goal, value, limit, measured, notes, atLeast } of goals) {
    const measuredNow = Number.isFinite(value)
    const met = atLeast ? value >= limit : value <= limit
    lines.push(`| ${goal} | ${measuredNow ? measured : 'not measured'} | ${measuredNow ? (met ? 'met' : '**not met**') : '–'} | ${notes.join('; ') || '–'} |`)
  }
  lines.push('', 'Fan-out and disk-contention p99 are per write, to its last receiver; busy room and lecture halls p99 per delivery (send to each receiver). "Paired runs" are the ratios of runs taken back to back.')
  return lines
}
