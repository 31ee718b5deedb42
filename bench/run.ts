// `pnpm bench`: Concord's server against stock Hocuspocus and a raw websocket broadcast server,
// each in its own process (pinned to one CPU), driven by client worker processes (the other CPU).
//   --quick            tiny sizes and short phases (checks the harness; writes bench/results/ only)
//   --only=a,b         scenarios among fanout, disk, rooms, memory, busy, lecture, lab, join, analysis
//   --budget=<s>       stop starting new runs after this many seconds (default 1140: the whole bench stays under 20 minutes)
//   --profile=<kinds>  CPU-profile these servers (concord, hocuspocus, raw) into bench/results/profiles
//   --heap-snapshots   the memory scenario writes heap snapshots where each sweep's slope starts and ends into bench/results/heap
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLIENT_CPU, ClientPool } from './lib/client-pool.ts'
import { killAllNow, stopAll } from './lib/processes.ts'
import { startServer, type ServerKind, type ServerUnderTest } from './lib/servers.ts'
import { CLASSROOMS, FULL_PLAN, LAB_VARIANTS, QUICK_PLAN, SCENARIOS, type ScenarioName } from './plan.ts'
import { estimateSeconds, runSeconds, seatsOf } from './plan-estimate.ts'
import { describeEnvironment, renderMarkdown, writePerformanceDoc, type BenchResults } from './report.ts'
import { analysisRun } from './scenarios/analysis.ts'
import { classroomRun } from './scenarios/classroom.ts'
import { diskContentionRun } from './scenarios/disk-contention.ts'
import { fanoutRun } from './scenarios/fanout.ts'
import { joinStormRun } from './scenarios/join-storm.ts'
import { memoryRun } from './scenarios/memory.ts'
import { roomsStep } from './scenarios/rooms-per-node.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',') as ScenarioName[] | undefined
const budgetS = Number(args.find((arg) => arg.startsWith('--budget='))?.slice('--budget='.length) ?? 1140)
const profiled = args.find((arg) => arg.startsWith('--profile='))?.slice('--profile='.length).split(',') ?? []
const heapSnapshotDir = args.includes('--heap-snapshots') ? join(ROOT, 'bench/results/heap') : undefined
const plan = quick ? QUICK_PLAN : FULL_PLAN
const selected = SCENARIOS.filter((name) => !only || only.includes(name))
const started = Date.now()
// The orchestrator (and its probe clients) shares the client workers' CPU, away from the server's.
if (existsSync('/usr/bin/taskset')) execFileSync('/usr/bin/taskset', ['-a', '-cp', String(CLIENT_CPU), String(process.pid)], { stdio: 'ignore' })
const logDir = mkdtempSync(join(tmpdir(), 'concord-bench-logs-'))

const results: BenchResults = {
  environment: describeEnvironment(ROOT),
  plan,
  quick,
  scenarios: selected,
  fanout: [],
  disk: [],
  memory: [],
  busy: [],
  lecture: [],
  hall: [],
  lab: [],
  join: [],
  rooms: [],
  analysis: [],
  skipped: [],
  errors: [],
  durationS: 0,
}

function elapsedS(): number {
  return (Date.now() - started) / 1000
}

/** Whether a run expected to take `seconds` still fits the budget; records it when it does not. */
function fits(what: string, seconds: number): boolean {
  if (elapsedS() + seconds <= budgetS) return true
  results.skipped.push(`${what} (would end after ${Math.round(elapsedS() + seconds)} s of the ${budgetS} s budget)`)
  console.info(`skip: ${what}`)
  return false
}

async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
  const t0 = Date.now()
  try {
    const value = await run()
    console.info(`done: ${what} in ${((Date.now() - t0) / 1000).toFixed(1)} s (t=${elapsedS().toFixed(0)} s)`)
    return value
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    results.errors.push(`${what}: ${message}`)
    console.error(`FAILED: ${what}: ${message}`)
    return undefined
  }
}

async function main(): Promise<void> {
  const needed = new Set<ServerKind>()
  if (selected.includes('fanout')) plan.fanout.servers.forEach((kind) => needed.add(kind))
  if (selected.includes('disk')) needed.add('concord')
  if (selected.includes('rooms')) plan.rooms.servers.forEach((kind) => needed.add(kind))
  if (selected.includes('memory')) plan.memory.servers.forEach((kind) => needed.add(kind))
  for (const { table, scenario } of CLASSROOMS) {
    if (selected.includes(scenario)) Object.keys(plan[table].servers).forEach((kind) => needed.add(kind as ServerKind))
  }
  if (selected.includes('lab')) LAB_VARIANTS.forEach((variant) => needed.add(variant.kind))
  if (selected.includes('join')) plan.join.servers.forEach((kind) => needed.add(kind))

  const estimate = estimateSeconds(plan, selected)
  const total = Object.values(estimate).reduce((sum, seconds) => sum + seconds, 0)
  console.info(`plan: at most about ${(total / 60).toFixed(1)} min (${Object.entries(estimate).map(([name, seconds]) => `${name} ${Math.round(seconds)} s`).join(', ')}); budget ${budgetS} s`)

  // All servers stay up for the whole bench (idle ones cost nothing) so runs can interleave.
  const servers = new Map<ServerKind, ServerUnderTest>()
  for (const kind of needed) {
    const profileDir = profiled.includes(kind) ? join(ROOT, 'bench/results/profiles') : undefined
    servers.set(kind, await startServer(kind, ROOT, logDir, profileDir))
  }
  const pool = ClientPool.start(plan.workers, ROOT, logDir)
  console.info(`servers and ${plan.workers} client workers up (logs in ${logDir})`)

  // Memory first, while the servers' resident sets hold nothing freed by earlier scenarios that new
  // connections would reuse (that made the RSS slope flat or negative).
  if (selected.includes('memory')) {
    const { connections, boards } = plan.memory
    for (const kind of plan.memory.servers) {
      const what = `memory ${kind}`
      if (!fits(what, runSeconds.memory(plan))) continue
      if (heapSnapshotDir) mkdirSync(heapSnapshotDir, { recursive: true })
      const result = await attempt(what, () => memoryRun(servers.get(kind)!, pool, connections, boards, heapSnapshotDir))
      if (result) results.memory.push({ kind, ...result })
    }
  }
  if (selected.includes('fanout')) {
    const { timing, writerHz } = plan.fanout
    for (let run = 1; run <= plan.fanout.runs; run++) {
      for (const clients of plan.fanout.clients) {
        for (const kind of plan.fanout.servers) {
          const what = `fan-out ${kind} N=${clients} run ${run}`
          if (!fits(what, runSeconds.fanout(plan, clients))) continue
          const result = await attempt(what, () => fanoutRun(servers.get(kind)!, pool, clients, writerHz, timing))
          if (result) results.fanout.push({ kind, run, ...result })
        }
      }
    }
  }
  if (selected.includes('disk')) {
    const { clients, writerHz, timing } = plan.disk
    for (let run = 1; run <= plan.disk.runs; run++) {
      for (const disk of ['idle', 'busy'] as const) {
        const what = `disk contention (${disk} disk) run ${run}`
        if (!fits(what, runSeconds.disk(plan))) continue
        const result = await attempt(what, () => diskContentionRun(servers.get('concord')!, pool, disk, clients, writerHz, timing, { root: ROOT, logDir }))
        if (result) results.disk.push({ kind: 'concord', run, ...result })
      }
    }
  }
  if (selected.includes('rooms')) {
    // Sizes grow for every server that still holds, up to the largest, or until all have failed.
    const { timing, steps } = plan.rooms
    const failed = new Set<ServerKind>()
    for (const rooms of steps) {
      for (const kind of plan.rooms.servers) {
        if (failed.has(kind)) continue
        const what = `rooms per node ${kind} R=${rooms}`
        if (!fits(what, runSeconds.rooms(plan, rooms))) {
          failed.add(kind)
          continue
        }
        const result = await attempt(what, () => roomsStep(servers.get(kind)!, pool, rooms, timing))
        if (result) results.rooms.push({ kind, ...result })
        if (!result?.holds) failed.add(kind)
      }
    }
  }
  for (const { table, scenario } of CLASSROOMS) {
    if (!selected.includes(scenario)) continue
    const { timing, mix } = plan[table]
    const runs = Object.entries(plan[table].servers) as [ServerKind, number][]
    for (let run = 1; run <= Math.max(...runs.map(([, n]) => n)); run++) {
      for (const [kind, count] of runs) {
        if (run > count) continue
        const what = `${table} ${kind} run ${run}`
        if (!fits(what, runSeconds.classroom(timing, seatsOf(mix)))) continue
        const result = await attempt(what, () => classroomRun(servers.get(kind)!, pool, mix, timing))
        if (result) results[table].push({ kind, run, ...result })
      }
    }
  }
  if (selected.includes('lab')) {
    const { timing, mix, runs } = plan.lab
    for (let run = 1; run <= runs; run++) {
      for (const variant of LAB_VARIANTS) {
        const what = `lab ${variant.name} run ${run}`
        if (!fits(what, runSeconds.lab(plan))) continue
        const result = await attempt(what, () => classroomRun(servers.get(variant.kind)!, pool, mix, timing, { labViewer: variant.labViewer }))
        if (result) results.lab.push({ variant: variant.name, kind: variant.kind, run, ...result })
      }
    }
  }
  if (selected.includes('join')) {
    for (let run = 1; run <= plan.join.runs; run++) {
      for (const kind of plan.join.servers) {
        const what = `join storm ${kind} run ${run}`
        if (!fits(what, runSeconds.join)) continue
        const { joiners, shapes, spreadMs } = plan.join
        const result = await attempt(what, () => joinStormRun(servers.get(kind)!, pool, joiners, shapes, spreadMs))
        if (result) results.join.push({ kind, run, ...result })
      }
    }
  }
  if (selected.includes('analysis')) {
    for (const components of plan.analysis.components) {
      const what = `analysis of ${components} components`
      if (!fits(what, runSeconds.analysis(components))) continue
      const result = await attempt(what, async () => analysisRun(components, plan.analysis.runs))
      if (result) results.analysis.push(result)
    }
  }
  await pool.stop()
  for (const server of servers.values()) await server.stop()
}

process.on('SIGINT', () => {
  killAllNow()
  process.exit(130)
})
process.on('exit', killAllNow)

try {
  await main()
} catch (error) {
  results.errors.push(`harness: ${error instanceof Error ? error.stack ?? error.message : String(error)}`)
  console.error(error)
  process.exitCode = 1
} finally {
  await stopAll()
  results.durationS = elapsedS()
  const out = quick ? join(ROOT, 'bench/results/quick.json') : join(ROOT, 'docs/performance/results.json')
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
  if (quick) writeFileSync(out.replace(/\.json$/, '.md'), `${renderMarkdown(results)}\n`)
  else writePerformanceDoc(join(ROOT, 'docs/PERFORMANCE.md'), results)
  console.info(`results: ${out}${quick ? '' : ' and docs/PERFORMANCE.md'}; ${results.durationS.toFixed(0)} s; ${results.errors.length} errors, ${results.skipped.length} skipped`)
}
