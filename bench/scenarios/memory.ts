import type { ClientSpec } from '../client/messages.ts'
import type { ClientPool } from '../lib/client-pool.ts'
import { sleep, spec } from '../lib/phase.ts'
import { join } from 'node:path'
import type { Room, ServerMemory, ServerUnderTest } from '../lib/servers.ts'

/** Time for the server to settle after clients joined, before it collects garbage and reads memory. */
const SETTLE_MS = 500

export interface MemoryPoint extends ServerMemory {
  /** Idle connections in one room, or boards open with one idle connection each. */
  count: number
}

export interface MemorySweep {
  points: MemoryPoint[]
  /** Least-squares slope of resident memory over `count`, in KiB per connection or per board. */
  rssKiBPer: number
  heapKiBPer: number
  /** Slope of what V8 accounts for outside its heap (Buffers, native allocations it is told of). */
  externalKiBPer: number
  /** Share of one core the client workers used while opening. */
  clientCpu: number
}

export interface MemoryRun {
  /** Idle connections (synced, silent) added to one board. */
  connections: MemorySweep
  /** Boards opened, each by one idle connection (the slope includes that connection). */
  boards: MemorySweep
}

/**
 * Resident memory per idle connection and per open board, as slopes over sweeps: clients are
 * added step by step (never closed in between, so freed memory cannot blur the slope), and at
 * each step the server collects garbage and reports its resident set. With `snapshotDir`, the
 * server also writes a heap snapshot at the second (where the slopes start) and the last step of each sweep
 * (`<kind>-<sweep>-<count>.heapsnapshot`), for `bench/heap-summary.ts` to diff by constructor.
 */
export async function memoryRun(server: ServerUnderTest, pool: ClientPool, connections: number[], boards: number[], snapshotDir?: string): Promise<MemoryRun> {
  const snapshot = (name: string) => (snapshotDir ? (count: number) => server.heapSnapshot(join(snapshotDir, `${server.kind}-${name}-${count}.heapsnapshot`)) : undefined)
  try {
    const room = await server.newRoom()
    const connectionSweep = await sweep(server, pool, connections, (from, to) => Array.from({ length: to - from }, () => spec(room, 0, 'reader')), snapshot('connections'))
    await pool.closeClients()
    const rooms: Room[] = []
    const boardSweep = await sweep(server, pool, boards, async (from, to) => {
      for (let index = from; index < to; index += 20) rooms.push(...(await Promise.all(Array.from({ length: Math.min(20, to - index) }, () => server.newRoom()))))
      return rooms.slice(from, to).map((board, index) => spec(board, from + index, 'reader'))
    }, snapshot('boards'))
    return { connections: connectionSweep, boards: boardSweep }
  } finally {
    await pool.closeClients()
  }
}

async function sweep(
  server: ServerUnderTest,
  pool: ClientPool,
  counts: number[],
  specsFor: (from: number, to: number) => ClientSpec[] | Promise<ClientSpec[]>,
  snapshot?: (count: number) => Promise<void>,
): Promise<MemorySweep> {
  const points: MemoryPoint[] = []
  let open = 0
  let cpuMs = 0
  let wallMs = 0
  for (const count of counts) {
    if (count > open) {
      const opened = await pool.open(await specsFor(open, count), 120_000, true)
      if (opened.failures.length > 0) throw new Error(`memory: ${opened.failures.length} clients failed to open: ${opened.failures[0]}`)
      cpuMs += opened.cpuMs
      wallMs += opened.wallMs
      open = count
    }
    await sleep(SETTLE_MS)
    points.push({ count, ...(await server.memory()) })
    if (snapshot && (count === counts[1] || count === counts.at(-1))) await snapshot(count)
  }
  const kib = (mb: number) => mb * 1024
  // The first step also compiles the code paths a connection runs (a one-time cost, about half a
  // KiB per connection over the first 250 in a heap snapshot diff): the slopes start after it.
  const fitted = points.slice(1)
  return {
    points,
    rssKiBPer: kib(slope(fitted.map((p) => [p.count, p.rssMb]))),
    heapKiBPer: kib(slope(fitted.map((p) => [p.count, p.heapUsedMb]))),
    externalKiBPer: kib(slope(fitted.map((p) => [p.count, p.externalMb]))),
    clientCpu: wallMs > 0 ? cpuMs / wallMs : 0,
  }
}

/** Least-squares slope of y over x. */
export function slope(points: [number, number][]): number {
  const n = points.length
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n
  let covariance = 0
  let variance = 0
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY)
    variance += (x - meanX) ** 2
  }
  return variance === 0 ? Number.NaN : covariance / variance
}
