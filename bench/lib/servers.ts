import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { boardDocumentName } from '@concord/shared/model'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { freePort } from '@concord/test-kit/free-port'
import { request, spawnNode, stopProcess } from './processes.ts'

export type ServerKind = 'concord' | 'concord-no-lab' | 'hocuspocus' | 'raw'

export const SERVER_LABELS: Record<ServerKind, string> = {
  concord: 'Concord (as shipped)',
  'concord-no-lab': 'Concord without lab telemetry',
  hocuspocus: 'Hocuspocus 4.7 (stock)',
  raw: 'raw ws (floor)',
}

/** Concord's server, as shipped or without the lab's telemetry: boards, links, metrics and storage alike. */
export function isConcord(kind: ServerKind): boolean {
  return kind === 'concord' || kind === 'concord-no-lab'
}

export interface Room {
  url: string
  documentName: string
  protocol: 'hocuspocus' | 'raw'
  /** Token of a link that edits, and of one that only watches (Concord's viewer). */
  editorToken: string
  viewerToken: string
}

export interface ServerStats {
  cpuMs: number
  wallMs: number
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  rssMb: number
  peakRssMb: number
}

export interface ServerUnderTest {
  kind: ServerKind
  newRoom(): Promise<Room>
  resetStats(): Promise<void>
  stats(): Promise<ServerStats>
  /** Resident set, used heap and memory outside the heap (Buffers and other external) after a full garbage collection (MiB). */
  memory(): Promise<ServerMemory>
  /** Writes a V8 heap snapshot of the server (after a full garbage collection) to `path`. */
  heapSnapshot(path: string): Promise<void>
  /** Concord only: counters and histogram sums from GET /metrics (`name` → value, summed over labels). */
  metrics(): Promise<Map<string, number>>
  /** Concord only: bytes stored for a document (snapshot plus update log). */
  storedBytes(documentName: string): { snapshot: number; log: number; logRows: number }
  stop(): Promise<void>
}

/** The server's CPU (the client workers get the other one). */
export const SERVER_CPU = 0

export interface ServerMemory {
  rssMb: number
  heapUsedMb: number
  /** Memory V8 accounts for outside its heap: Buffers and other array buffers, and what native code reports. */
  externalMb: number
  arrayBuffersMb: number
}

/** `profileDir`: write a V8 CPU profile of the server there (`--cpu-prof`) when it stops. */
export async function startServer(kind: ServerKind, root: string, logDir: string, profileDir?: string): Promise<ServerUnderTest> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-bench-'))
  // --expose-gc: the probe collects garbage before it reads memory (the memory scenario).
  const probe = ['--expose-gc', '--import', 'tsx', '--import', join(root, 'bench/servers/probe.ts')]
  const entry = {
    concord: join(root, 'apps/server/src/main.ts'),
    'concord-no-lab': join(root, 'bench/servers/concord-without-lab.ts'),
    hocuspocus: join(root, 'bench/servers/stock-hocuspocus.ts'),
    raw: join(root, 'bench/servers/raw-broadcast.ts'),
  }[kind]
  const child = spawnNode({
    args: [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...probe, entry],
    cwd: root,
    cpu: SERVER_CPU,
    logFile: join(logDir, `server-${kind}.log`),
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // Many boards are created from one address; the limit is a per-client guard, not a server cost.
      BOARD_CREATE_LIMIT: '100000',
      // Every simulated client connects from 127.0.0.1: the per-address socket limit would refuse a hall.
      CONNECTIONS_PER_ADDRESS: '100000',
    },
  })
  try {
    await waitForPort(port, child, 30_000)
  } catch (error) {
    await stopProcess(child)
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  const httpUrl = `http://127.0.0.1:${port}`
  let rooms = 0
  let db: DatabaseSync | undefined

  return {
    kind,
    async newRoom() {
      const n = ++rooms
      if (isConcord(kind)) {
        const board = await createBoard(httpUrl, `Bench ${n}`)
        return {
          url: `ws://127.0.0.1:${port}/collab`,
          documentName: boardDocumentName(board.id),
          protocol: 'hocuspocus',
          editorToken: linkToken(board.links.editor),
          viewerToken: linkToken(board.links.viewer),
        }
      }
      if (kind === 'hocuspocus') {
        return { url: `ws://127.0.0.1:${port}`, documentName: `bench-${n}`, protocol: 'hocuspocus', editorToken: 'bench', viewerToken: 'bench' }
      }
      return { url: `ws://127.0.0.1:${port}/room-${n}`, documentName: `room-${n}`, protocol: 'raw', editorToken: '', viewerToken: '' }
    },
    async resetStats() {
      await request(child, { type: 'stats-reset' }, (reply) => ((reply as { type: string }).type === 'stats-reset' ? true : undefined), 10_000, 'server stats reset')
    },
    stats() {
      return request(child, { type: 'stats' }, (reply) => ((reply as { type: string }).type === 'stats' ? (reply as ServerStats) : undefined), 10_000, 'server stats')
    },
    memory() {
      return request(child, { type: 'memory' }, (reply) => ((reply as { type: string }).type === 'memory' ? (reply as ServerMemory) : undefined), 10_000, 'server memory')
    },
    async heapSnapshot(path) {
      // A snapshot of a few hundred MB of heap takes seconds to write.
      await request(child, { type: 'heap-snapshot', path }, (reply) => ((reply as { type: string }).type === 'heap-snapshot' ? true : undefined), 120_000, 'server heap snapshot')
    },
    async metrics() {
      const values = new Map<string, number>()
      if (!isConcord(kind)) return values
      const text = await (await fetch(`${httpUrl}/metrics`)).text()
      for (const line of text.split('\n')) {
        const match = /^([a-z_]+)(?:\{[^}]*\})? ([0-9.e+-]+)$/.exec(line)
        if (match) values.set(match[1]!, (values.get(match[1]!) ?? 0) + Number(match[2]))
      }
      return values
    },
    storedBytes(documentName) {
      db ??= new DatabaseSync(join(dataDir, 'concord.sqlite'), { readOnly: true })
      const snapshot = db.prepare('SELECT length(state) AS bytes FROM documents WHERE name = ?').get(documentName) as { bytes: number } | undefined
      const log = db.prepare('SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS bytes FROM document_updates WHERE name = ?').get(documentName) as { rows: number; bytes: number }
      return { snapshot: snapshot?.bytes ?? 0, log: log.bytes, logRows: log.rows }
    },
    async stop() {
      db?.close()
      await stopProcess(child, 15_000)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before listening`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server did not listen on ${port} within ${timeoutMs} ms`)
}
