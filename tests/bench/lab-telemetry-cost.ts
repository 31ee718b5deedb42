// Measures what the lab telemetry costs the server: the server's CPU time for a burst of updates
// relayed to two clients, with nobody watching the lab and with one subscribed lab viewer.
// `pnpm --filter @concord/tests exec tsx bench/lab-telemetry-cost.ts [updates] [rounds] [server entry]`
// (another server entry, e.g. an older checkout's apps/server/src/main.ts, gives the "before").
import { readFileSync } from 'node:fs'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { connectBoard, createBoard, eventually, linkToken } from '../support/api-client.ts'
import { ServerProcess } from '../support/server-process.ts'

const UPDATES = Number(process.argv[2] ?? 2000)
const ROUNDS = Number(process.argv[3] ?? 3)
const ENTRY = process.argv[4]
const CLOCK_TICKS = 100 // USER_HZ on Linux

/** The process's user + system CPU time in ms, from /proc. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
}

async function burst(server: ServerProcess, writer: HocuspocusProvider, receivers: HocuspocusProvider[], label: string): Promise<{ cpu: number; wall: number }> {
  const key = `${label}-${Date.now()}`
  const map = writer.document.getMap('bench')
  const cpuBefore = cpuMs(server.pid!)
  const start = performance.now()
  for (let i = 0; i < UPDATES; i++) {
    map.set(key, i)
    // Yield now and then so frames go out as they would from a live client.
    if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve))
  }
  await eventually(() => receivers.every((r) => r.document.getMap('bench').get(key) === UPDATES - 1) && writer.unsyncedChanges === 0, 60_000, 'the burst to arrive')
  const wall = performance.now() - start
  return { cpu: cpuMs(server.pid!) - cpuBefore, wall }
}

const server = new ServerProcess()
await server.start(ENTRY)
try {
  const board = await createBoard(server.url, 'Telemetry cost')
  const token = linkToken(board.links.owner)
  const writer = await connectBoard(server.url, board.id, token)
  const receivers = [await connectBoard(server.url, board.id, token), await connectBoard(server.url, board.id, token)]
  const viewer = await connectBoard(server.url, board.id, token)
  let events = 0
  viewer.on('stateless', () => events++)
  await burst(server, writer, receivers, 'warm-up')

  const results: Record<'unwatched' | 'watched', Array<{ cpu: number; wall: number }>> = { unwatched: [], watched: [] }
  for (let round = 0; round < ROUNDS; round++) {
    results.unwatched.push(await burst(server, writer, receivers, 'unwatched'))
    viewer.sendStateless(JSON.stringify({ channel: 'lab', type: 'subscribe' }))
    results.watched.push(await burst(server, writer, receivers, 'watched'))
    viewer.sendStateless(JSON.stringify({ channel: 'lab', type: 'unsubscribe' }))
  }
  for (const [mode, runs] of Object.entries(results)) {
    const cpu = runs.map((r) => r.cpu)
    const rate = runs.map((r) => Math.round((UPDATES / r.wall) * 1000))
    process.stdout.write(`${mode}: server CPU ms per ${UPDATES} updates ${cpu.join(', ')}; updates/s ${rate.join(', ')}\n`)
  }
  process.stdout.write(`lab events received by the viewer: ${events}\n`)
  for (const provider of [writer, viewer, ...receivers]) provider.destroy()
} finally {
  await server.dispose()
}
