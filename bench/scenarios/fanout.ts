import type { ClientPool } from '../lib/client-pool.ts'
import { eventually, openProbes, runMeasured, spec, type MeasuredPhase, type PhaseTiming } from '../lib/phase.ts'
import type { ServerUnderTest } from '../lib/servers.ts'

/** Full Yjs clients among the N (not on the raw server, which speaks no protocol). */
const PROBES = 2

export interface FanoutRun extends MeasuredPhase {
  clients: number
  writerHz: number
  /** The probes' documents ended with the writer's last beacon (null: no probes). */
  contentVerified: boolean | null
}

/** One room of `clients`: one writer at `writerHz`, the rest receive. */
export async function fanoutRun(server: ServerUnderTest, pool: ClientPool, clients: number, writerHz: number, timing: PhaseTiming): Promise<FanoutRun> {
  const room = await server.newRoom()
  const probes = await openProbes(room, Math.min(PROBES, clients - 2))
  try {
    const thin = clients - probes.length
    const specs = [spec(room, 0, 'beacon', { rateHz: writerHz }), ...Array.from({ length: thin - 1 }, () => spec(room, 0, 'reader'))]
    const opened = await pool.open(specs)
    if (opened.failures.length > 0) throw new Error(`fan-out N=${clients}: ${opened.failures.length} clients failed to open: ${opened.failures[0]}`)
    const result = await runMeasured(server, pool, timing, () => thin - 1)
    const last = result.finalBeacons[room.documentName]
    const contentVerified = probes.length === 0 ? null : await eventually(() => probes.every((probe) => probe.doc.getMap('beacon').get('seq') === last), 5000)
    return { ...result, clients, writerHz, contentVerified }
  } finally {
    for (const probe of probes) probe.destroy()
    await pool.closeClients()
  }
}
