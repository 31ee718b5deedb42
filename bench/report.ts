import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { SERVER_LABELS, type ServerKind } from './lib/servers.ts'
import { LAB_VARIANTS, type BenchPlan, type LabVariant } from './plan.ts'
import { diskTable } from './report-disk.ts'
import { byServer, clientCpuCell, count, HARNESS_BOUND_CPU, deliveries, median, ms, percent, spread, verified } from './report-format.ts'
import { goalsTable } from './report-goals.ts'
import { memoryTable } from './report-memory.ts'
import { DRAG_WRITES_HZ, PRESENCE_HZ, type ClassroomRun } from './scenarios/classroom.ts'
import type { DiskContentionRun } from './scenarios/disk-contention.ts'
import type { FanoutRun } from './scenarios/fanout.ts'
import type { AnalysisTiming } from './scenarios/analysis.ts'
import type { JoinStormRun } from './scenarios/join-storm.ts'
import type { MemoryRun } from './scenarios/memory.ts'
import { roomsHeld, type RoomsStep } from './scenarios/rooms-per-node.ts'

export interface Environment {
  date: string
  commit: string
  cpu: string
  cores: number
  memoryGb: number
  node: string
  versions: Record<string, string>
}

export interface BenchResults {
  environment: Environment
  plan: BenchPlan
  quick: boolean
  scenarios: string[]
  fanout: (FanoutRun & { kind: ServerKind; run: number })[]
  disk: (DiskContentionRun & { kind: ServerKind; run: number })[]
  memory: (MemoryRun & { kind: ServerKind })[]
  busy: (ClassroomRun & { kind: ServerKind; run: number })[]
  lecture: (ClassroomRun & { kind: ServerKind; run: number })[]
  hall: (ClassroomRun & { kind: ServerKind; run: number })[]
  lab: (ClassroomRun & { variant: LabVariant; kind: ServerKind; run: number })[]
  join: (JoinStormRun & { kind: ServerKind; run: number })[]
  rooms: (RoomsStep & { kind: ServerKind })[]
  analysis: AnalysisTiming[]
  skipped: string[]
  errors: string[]
  durationS: number
}

export function describeEnvironment(root: string): Environment {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
  const dirty = git('status', '--porcelain', '--untracked-files=no').length > 0
  const version = (pkg: string) => (JSON.parse(readFileSync(join(root, 'bench/node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version
  return {
    date: new Date().toISOString(),
    commit: `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (with uncommitted changes)' : ''}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    versions: {
      '@hocuspocus/server': version('@hocuspocus/server'),
      '@hocuspocus/provider': version('@hocuspocus/provider'),
      yjs: version('yjs'),
      ws: version('ws'),
    },
  }
}

const BEGIN = '<!-- bench:begin (written by `pnpm bench`; edit outside these markers) -->'
const END = '<!-- bench:end -->'

/** Replaces the generated part of docs/PERFORMANCE.md (between the markers) with the new tables. */
export function writePerformanceDoc(path: string, results: BenchResults): void {
  const generated = `${BEGIN}\n${renderTables(results)}\n${END}`
  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Performance\n\n${BEGIN}\n${END}\n`
  const start = current.indexOf(BEGIN)
  const end = current.indexOf(END)
  const next = start === -1 || end === -1 ? `${current.trimEnd()}\n\n${generated}\n` : `${current.slice(0, start)}${generated}${current.slice(end + END.length)}`
  writeFileSync(path, next)
}

function durability(runs: { durability: { commitMeanMs: number; ackDelayMeanMs: number } | null }[]): string {
  const measured = runs.flatMap((r) => (r.durability ? [r.durability] : []))
  if (measured.length === 0) return 'n/a'
  return `${spread(measured.map((d) => d.commitMeanMs), (v) => v.toFixed(2))} / ${spread(measured.map((d) => d.ackDelayMeanMs))}`
}

// --- tables --------------------------------------------------------------------------------

function renderTables(results: BenchResults): string {
  const { environment: env } = results
  const lines: string[] = []
  lines.push(`Measured ${env.date.slice(0, 16).replace('T', ' ')} UTC at commit \`${env.commit}\` on ${env.cpu}, ${env.cores} cores, ${env.memoryGb} GiB;`)
  lines.push(`Node ${env.node}, ${Object.entries(env.versions).map(([name, v]) => `${name} ${v}`).join(', ')}.`)
  lines.push(`Whole bench: ${(results.durationS / 60).toFixed(1)} min. Server pinned to CPU 0, the client workers (${results.plan.workers} processes) to CPU 1. Values are medians over runs with the (min–max) spread; latencies in ms. Client CPU is the share of their one core the client workers used; a result taken above ${percent(HARNESS_BOUND_CPU)} is marked **harness-bound** (the clients, not the server, may have set it).`)
  if (results.quick) lines.push('\n**Quick run (`--quick`): tiny sizes, not a measurement.**')
  if (results.skipped.length > 0) lines.push(`\nSkipped for time: ${results.skipped.join('; ')}.`)
  if (results.errors.length > 0) lines.push(`\nErrors: ${results.errors.map((e) => `\`${e.split('\n')[0]}\``).join('; ')}.`)
  lines.push('', ...goalsTable(results))
  if (results.fanout.length > 0) lines.push('', ...fanoutTable(results))
  if (results.disk.length > 0) lines.push('', ...diskTable(results))
  if (results.busy.length > 0) lines.push('', ...classroomTable('Busy classroom room', results.busy, results.plan.busy))
  if (results.lecture.length > 0) lines.push('', ...classroomTable('Lecture hall', results.lecture, results.plan.lecture))
  if (results.hall.length > 0) lines.push('', ...classroomTable('1,000-seat lecture hall', results.hall, results.plan.hall))
  if (results.lab.length > 0) lines.push('', ...labTable(results))
  if (results.join.length > 0) lines.push('', ...joinTable(results))
  if (results.rooms.length > 0) lines.push('', ...roomsTable(results))
  if (results.memory.length > 0) lines.push('', ...memoryTable(results))
  if (results.analysis.length > 0) lines.push('', ...analysisTable(results))
  const growth = growthLines(results)
  if (growth.length > 0) lines.push('', ...growth)
  return lines.join('\n')
}

function analysisTable(results: BenchResults): string[] {
  const lines = [
    `### Design analysis of synthetic layered boards (${results.plan.analysis.runs} runs each, in Node, records to findings)`,
    '',
    '| components | connections | findings | wall min | wall p50 | wall p99 | CPU min | CPU p50 |',
    '|---|---|---|---|---|---|---|---|',
  ]
  for (const r of results.analysis) {
    lines.push(`| ${r.components} | ${r.connections} | ${r.findings} | ${r.ms.min.toFixed(1)} | ${r.ms.p50.toFixed(1)} | ${r.ms.p99.toFixed(1)} | ${r.cpuMs.min.toFixed(1)} | ${r.cpuMs.p50.toFixed(1)} |`)
  }
  return lines
}

function fanoutTable(results: BenchResults): string[] {
  const { timing } = results.plan.fanout
  const lines = [
    `### Fan-out: one room, one writer at ${results.plan.fanout.writerHz} Hz, ${timing.measureMs / 1000} s measured per run`,
    '',
    'Latency from the writer\'s send to the **last** receiver of each write.',
    '',
    '| N | server | runs | writes per run | p50 | p99 | max | p99 / stock Hocuspocus | p99 / raw ws | delivered / expected | server CPU | client CPU | probes verified |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ]
  const sizes = [...new Set(results.fanout.map((r) => r.clients))]
  for (const clients of sizes) {
    const at = results.fanout.filter((r) => r.clients === clients)
    const p99Of = (kind: ServerKind) => median(at.filter((r) => r.kind === kind).map((r) => r.doc.last.p99))
    for (const [kind, runs] of byServer(at)) {
      const p99 = median(runs.map((r) => r.doc.last.p99))
      const ratio = (base: number) => (Number.isFinite(base) && base > 0 ? `${(p99 / base).toFixed(2)}x` : '–')
      lines.push(
        `| ${clients} | ${SERVER_LABELS[kind]} | ${runs.length} | ${spread(runs.map((r) => r.doc.sends), (v) => v.toFixed(0))} | ${spread(runs.map((r) => r.doc.last.p50))} | ${spread(runs.map((r) => r.doc.last.p99))} | ${spread(runs.map((r) => r.doc.last.max))} | ${kind === 'hocuspocus' ? '1.00x' : ratio(p99Of('hocuspocus'))} | ${ratio(p99Of('raw'))} | ${deliveries(runs.map((r) => r.doc))} | ${spread(runs.map((r) => r.server.cpuShare), percent)} | ${clientCpuCell(runs.map((r) => r.clientCpu))} | ${verified(runs.map((r) => r.contentVerified))} |`,
      )
    }
  }
  return lines
}

function classroomTable(title: string, runs: BenchResults['busy'], plan: BenchPlan['busy']): string[] {
  const { mix, timing } = plan
  const lines = [
    `### ${title}: ${mix.draggers} dragging (${DRAG_WRITES_HZ} doc writes/s each), ${mix.cursors} moving cursors (${PRESENCE_HZ} presence updates/s each), ${mix.idle} idle editors, ${mix.viewers} viewers; ${timing.measureMs / 1000} s measured per run`,
    '',
    'Propagation per delivery (send to each receiver) and per write (send to the last receiver). Awareness frames and bytes per second: what the thin clients (all but the two probes) received in the measured window, summed; bytes are websocket payloads.',
    '',
    '| server | runs | doc p50 | doc p99 | doc p99 last receiver | doc delivered / expected | awareness p50 | awareness p99 | awareness delivered / sent × receivers | awareness frames/s | awareness KiB/s | server CPU | event-loop delay p99 | server RSS | group commit mean / ack delay mean | client CPU | content verified |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ]
  for (const [kind, group] of byServer(runs)) {
    lines.push(
      `| ${SERVER_LABELS[kind]} | ${group.length} | ${spread(group.map((r) => r.doc.all.p50))} | ${spread(group.map((r) => r.doc.all.p99))} | ${spread(group.map((r) => r.doc.last.p99))} | ${deliveries(group.map((r) => r.doc))} | ${spread(group.map((r) => r.awareness.all.p50))} | ${spread(group.map((r) => r.awareness.all.p99))} | ${deliveries(group.map((r) => r.awareness))} | ${spread(group.map((r) => r.awarenessTraffic.framesPerS), count)} | ${spread(group.map((r) => r.awarenessTraffic.bytesPerS / 1024), count)} | ${spread(group.map((r) => r.server.cpuShare), percent)} | ${spread(group.map((r) => r.server.loopDelayP99Ms))} | ${spread(group.map((r) => r.server.peakRssMb), (v) => `${v.toFixed(0)} MB`)} | ${durability(group)} | ${clientCpuCell(group.map((r) => r.clientCpu))} | ${verified(group.map((r) => r.contentVerified))} |`,
    )
  }
  return lines
}

function labTable(results: BenchResults): string[] {
  const { mix, timing } = results.plan.lab
  const lines = [
    `### Replication lab telemetry: the busy-classroom room (${mix.draggers} dragging, ${mix.cursors} moving cursors, ${mix.idle} idle), ${timing.measureMs / 1000} s measured per run`,
    '',
    'The same room on Concord without the lab\'s telemetry extension, on Concord as shipped with nobody watching the lab, and with one client subscribed to the lab (as an open lab page is). Runs interleave the three.',
    '',
    '| variant | runs | doc p50 | doc p99 | awareness p99 | server CPU | event-loop delay p99 | server RSS | lab messages to the viewer | client CPU | content verified |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ]
  const cpu = new Map<string, number>()
  for (const { name } of LAB_VARIANTS) {
    const runs = results.lab.filter((r) => r.variant === name)
    if (runs.length === 0) continue
    cpu.set(name, median(runs.map((r) => r.server.cpuShare)))
    const viewed = runs.map((r) => r.labMessages).filter((n): n is number => n !== null)
    lines.push(
      `| ${name} | ${runs.length} | ${spread(runs.map((r) => r.doc.all.p50))} | ${spread(runs.map((r) => r.doc.all.p99))} | ${spread(runs.map((r) => r.awareness.all.p99))} | ${spread(runs.map((r) => r.server.cpuShare), percent)} | ${spread(runs.map((r) => r.server.loopDelayP99Ms))} | ${spread(runs.map((r) => r.server.peakRssMb), (v) => `${v.toFixed(0)} MB`)} | ${viewed.length > 0 ? spread(viewed, count) : '–'} | ${clientCpuCell(runs.map((r) => r.clientCpu))} | ${verified(runs.map((r) => r.contentVerified))} |`,
    )
  }
  const [off, unwatched, watched] = LAB_VARIANTS.map(({ name }) => cpu.get(name) ?? Number.NaN)
  const points = (a: number, b: number) => `${((a - b) * 100).toFixed(1)} percentage points`
  if (Number.isFinite(off) && Number.isFinite(unwatched)) lines.push('', `Nobody watching against no telemetry at all: server CPU ${points(unwatched!, off!)} (medians).`)
  if (Number.isFinite(unwatched) && Number.isFinite(watched)) lines.push(`One lab viewer against nobody watching: server CPU ${points(watched!, unwatched!)} (medians).`)
  return lines
}

function joinTable(results: BenchResults): string[] {
  const first = results.join[0]!
  const lines = [
    `### Join storm: ${first.joiners} clients join a board of ${first.shapes.toLocaleString('en-US')} shapes (${(first.boardBytes / 1024).toFixed(0)} KiB encoded) within ${results.plan.join.spreadMs / 1000} s`,
    '',
    'Time from opening the socket to the server\'s sync step 2 (the whole board).',
    '',
    '| server | runs | synced | p50 | p99 | max | server RSS before | server peak RSS | client CPU | content verified |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ]
  for (const [kind, runs] of byServer(results.join)) {
    const mb = (v: number) => `${v.toFixed(0)} MB`
    lines.push(
      `| ${SERVER_LABELS[kind]} | ${runs.length} | ${runs.map((r) => r.synced).join(', ')} of ${first.joiners} | ${spread(runs.map((r) => r.syncMs.p50))} | ${spread(runs.map((r) => r.syncMs.p99))} | ${spread(runs.map((r) => r.syncMs.max))} | ${spread(runs.map((r) => r.server.rssBeforeMb), mb)} | ${spread(runs.map((r) => r.server.peakRssMb), mb)} | ${clientCpuCell(runs.map((r) => r.clientCpu))} | ${verified(runs.map((r) => r.contentVerified))} |`,
    )
  }
  return lines
}

function roomsTable(results: BenchResults): string[] {
  const lines = [
    '### Rooms per node: rooms of 5 users, one writing at 5 Hz, all on one server',
    '',
    `Each size runs once per server, sizes growing (up to ${Math.max(...results.plan.rooms.steps).toLocaleString('en-US')} rooms) while any server still holds; a server stops at its first size whose p99 (send to last receiver) exceeds 100 ms or that loses a delivery. Deliveries missing after the drain window are looked for again 3 s later: those found then are late (the harness' window), the rest lost.`,
    '',
    '| server | rooms | connections | p50 | p99 | max | delivered / expected | late after the window | server CPU | event-loop delay p99 | server RSS | client CPU | holds |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ]
  for (const [kind, steps] of byServer(results.rooms)) {
    for (const step of steps) {
      lines.push(
        `| ${SERVER_LABELS[kind]} | ${step.rooms} | ${step.rooms * 5} | ${ms(step.doc.last.p50)} | ${ms(step.doc.last.p99)} | ${ms(step.doc.last.max)} | ${deliveries([step.doc])} | ${step.lateDeliveries.toLocaleString('en-US')} | ${percent(step.server.cpuShare)} | ${ms(step.server.loopDelayP99Ms)} | ${step.server.peakRssMb.toFixed(0)} MB | ${clientCpuCell([step.clientCpu])} | ${step.holds ? 'yes' : 'no'} |`,
      )
    }
  }
  lines.push('')
  for (const [kind, steps] of byServer(results.rooms)) {
    const held = roomsHeld(steps)
    lines.push(`- ${SERVER_LABELS[kind]}: **${held.rooms ?? `fewer than ${held.smallestTried}`} rooms**${held.largestTried ? ' (the largest size tried; the limit is higher)' : ''}.`)
  }
  return lines
}

function growthLines(results: BenchResults): string[] {
  const runs = [...results.busy, ...results.lecture, ...results.hall].filter((r) => r.kind === 'concord' && r.growth?.afterBytes != null)
  if (runs.length === 0) return []
  const perDraggerMinute = runs.map((r) => {
    const g = r.growth!
    return (g.afterBytes! - g.beforeBytes) / g.draggers / (g.dragSeconds / 60)
  })
  const perRoomMinute = runs.map((r) => (r.growth!.afterBytes! - r.growth!.beforeBytes) / (r.growth!.dragSeconds / 60))
  const kb = (v: number) => `${(v / 1024).toFixed(1)} KiB`
  return [
    '### Document growth: stored state after continuous dragging (Concord)',
    '',
    'The board\'s stored snapshot after the room emptied (the server compacts its log then), minus the encoded board before the drags; over the busy-classroom and both lecture-hall runs.',
    '',
    '| per dragger per minute (8 writes/s) | per room per minute | runs |',
    '|---:|---:|---:|',
    `| ${spread(perDraggerMinute, kb)} | ${spread(perRoomMinute, kb)} | ${runs.length} |`,
  ]
}

/** The Markdown tables alone (for `--quick`, which leaves docs/ untouched). */
export function renderMarkdown(results: BenchResults): string {
  return renderTables(results)
}
