import * as Y from 'yjs'
import { getRecordsMap, writeRecord } from '@concord/shared/model'
import { acknowledged } from '@concord/test-kit/collab-client'
import { quantile } from '@concord/test-kit/quantile'
import { geoShape } from '../client/shapes.ts'
import type { ClientPool } from '../lib/client-pool.ts'
import { eventually, openProbes, spec } from '../lib/phase.ts'
import type { ServerUnderTest } from '../lib/servers.ts'

const SEED_BATCH = 100

export interface JoinStormRun {
  joiners: number
  shapes: number
  synced: number
  syncMs: { p50: number; p99: number; max: number }
  /** Encoded size of the board the joiners received. */
  boardBytes: number
  server: { rssBeforeMb: number; peakRssMb: number; cpuShare: number }
  /** Share of one core the client workers used while the joiners opened. */
  clientCpu: number
  /** A full client joining after the storm holds every shape. */
  contentVerified: boolean
}

/**
 * `joiners` thin clients join a board of `shapes` shapes, evenly spread over `spreadMs`. The
 * board is written by a full client that stays connected (stock Hocuspocus stores nothing).
 */
export async function joinStormRun(server: ServerUnderTest, pool: ClientPool, joiners: number, shapes: number, spreadMs: number): Promise<JoinStormRun> {
  const room = await server.newRoom()
  const [seeder] = await openProbes(room, 1)
  try {
    const records = getRecordsMap(seeder!.doc)
    for (let first = 0; first < shapes; first += SEED_BATCH) {
      seeder!.doc.transact(() => {
        for (let i = first; i < Math.min(shapes, first + SEED_BATCH); i++) writeRecord(records, geoShape(`seed${i}`, (i % 50) * 200, Math.floor(i / 50) * 120, `a${i}`))
      })
    }
    await acknowledged(seeder!)
    const boardBytes = Y.encodeStateAsUpdate(seeder!.doc).byteLength
    await server.resetStats()
    const before = await server.stats()
    const specs = Array.from({ length: joiners }, (_, i) => spec(room, 0, 'reader', { openAfterMs: (i * spreadMs) / joiners }))
    const opened = await pool.open(specs, 120_000)
    const after = await server.stats()
    const syncMs = [...opened.syncMs].sort((a, b) => a - b)
    const [late] = await openProbes(room, 1)
    const contentVerified = await eventually(() => getRecordsMap(late!.doc).size === records.size, 10_000)
    late!.destroy()
    return {
      joiners,
      shapes,
      synced: syncMs.length,
      syncMs: { p50: quantile(syncMs, 0.5), p99: quantile(syncMs, 0.99), max: syncMs.at(-1) ?? NaN },
      boardBytes,
      server: { rssBeforeMb: before.rssMb, peakRssMb: after.peakRssMb, cpuShare: after.cpuMs / after.wallMs },
      clientCpu: opened.clientCpu,
      contentVerified,
    }
  } finally {
    seeder!.destroy()
    await pool.closeClients()
  }
}
