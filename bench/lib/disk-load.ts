import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLIENT_CPU } from './client-pool.ts'
import { request, spawnNode, stopProcess } from './processes.ts'

/** The busy disk's file: large enough to miss the page cache's merging, small enough for any /tmp. */
const FILE_BYTES = 256 * 1024 * 1024

export interface DiskLoadDone {
  writes: number
  bytes: number
  /** The writer's own CPU time: it shares the clients' core. */
  cpuMs: number
  seconds: number
}

export interface DiskLoad {
  /** Stops the writer (IPC, then its PID), removes its file; what it wrote. */
  stop(): Promise<DiskLoadDone>
}

/**
 * Starts another process that keeps the disk under the servers' data directories (the temp
 * directory) busy with synchronous writes, for at most `maxSeconds`. It runs on the clients' CPU,
 * so it competes with the server for the disk, not for its core.
 */
export function startDiskLoad(root: string, logDir: string, maxSeconds: number): DiskLoad {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-disk-'))
  const started = performance.now()
  const child = spawnNode({
    args: ['--import', 'tsx', join(root, 'bench/load/disk-writer.ts'), dir, String(FILE_BYTES), String(maxSeconds)],
    cwd: root,
    cpu: CLIENT_CPU,
    logFile: join(logDir, 'disk-load.log'),
  })
  return {
    async stop() {
      try {
        type Done = Omit<DiskLoadDone, 'seconds'>
        const done = await request(child, { type: 'stop' }, (reply) => ((reply as { type: string }).type === 'disk-load' ? (reply as Done) : undefined), 10_000, 'disk load stop')
        return { ...done, seconds: (performance.now() - started) / 1000 }
      } finally {
        await stopProcess(child)
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
