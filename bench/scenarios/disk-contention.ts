import type { ClientPool } from '../lib/client-pool.ts'
import { startDiskLoad, type DiskLoadDone } from '../lib/disk-load.ts'
import type { PhaseTiming } from '../lib/phase.ts'
import type { ServerUnderTest } from '../lib/servers.ts'
import { fanoutRun, type FanoutRun } from './fanout.ts'

export type DiskState = 'idle' | 'busy'

export interface DiskContentionRun extends FanoutRun {
  disk: DiskState
  /** With the busy disk: what the other process wrote (64 KiB blocks, each synced) meanwhile. */
  load: DiskLoadDone | null
}

/**
 * The fan-out room on Concord with the disk idle, or kept busy by another process writing
 * synchronously to the same file system as the server's data directory for the whole run.
 */
export async function diskContentionRun(
  server: ServerUnderTest,
  pool: ClientPool,
  disk: DiskState,
  clients: number,
  writerHz: number,
  timing: PhaseTiming,
  harness: { root: string; logDir: string },
): Promise<DiskContentionRun> {
  if (disk === 'idle') return { ...(await fanoutRun(server, pool, clients, writerHz, timing)), disk, load: null }
  // Bounded in time even if the harness never stops it: the run plus a margin for setup.
  const maxSeconds = (timing.warmupMs + timing.measureMs + timing.drainMs) / 1000 + 60
  const load = startDiskLoad(harness.root, harness.logDir, maxSeconds)
  let result: FanoutRun
  try {
    result = await fanoutRun(server, pool, clients, writerHz, timing)
  } catch (error) {
    await load.stop()
    throw error
  }
  return { ...result, disk, load: await load.stop() }
}
