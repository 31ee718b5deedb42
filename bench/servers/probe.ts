// Preloaded (`node --import`) into every server under test: answers the orchestrator's "stats"
// request over IPC with the process' CPU time, event-loop delay and peak memory since the last
// reset, its "memory" request with the resident set after a full garbage collection, and its
// "heap-snapshot" request by writing a V8 heap snapshot (after one) to the path it is given.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { writeHeapSnapshot } from 'node:v8'

/** The histogram records whole timer intervals: an idle loop reads as this much. */
const RESOLUTION_MS = 10
const loopDelay = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
loopDelay.enable()
let cpuBase = process.cpuUsage()
let wallBase = performance.now()
let peakRss = process.memoryUsage.rss()
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
}, 50).unref()

process.on('message', (message: { type: string; path?: string }) => {
  if (message.type === 'stats-reset') {
    cpuBase = process.cpuUsage()
    wallBase = performance.now()
    peakRss = process.memoryUsage.rss()
    loopDelay.reset()
    process.send!({ type: 'stats-reset' })
  } else if (message.type === 'stats') {
    const cpu = process.cpuUsage(cpuBase)
    const rss = process.memoryUsage.rss()
    peakRss = Math.max(peakRss, rss)
    process.send!({
      type: 'stats',
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - wallBase,
      loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - RESOLUTION_MS),
      loopDelayMaxMs: Math.max(0, loopDelay.max / 1e6 - RESOLUTION_MS),
      rssMb: rss / 2 ** 20,
      peakRssMb: peakRss / 2 ** 20,
    })
  } else if (message.type === 'memory') {
    // The server runs with --expose-gc: what is resident then is what the server keeps.
    globalThis.gc?.()
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage()
    const mb = (bytes: number) => bytes / 2 ** 20
    process.send!({ type: 'memory', rssMb: mb(rss), heapUsedMb: mb(heapUsed), externalMb: mb(external), arrayBuffersMb: mb(arrayBuffers) })
  } else if (message.type === 'heap-snapshot') {
    globalThis.gc?.()
    process.send!({ type: 'heap-snapshot', path: writeHeapSnapshot(message.path) })
  }
})
// The orchestrator went away: do not outlive it.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'))
