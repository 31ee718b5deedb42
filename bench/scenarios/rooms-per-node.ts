import type { ClientSpec } from '../client/messages.ts'
import type { ClientPool } from '../lib/client-pool.ts'
import { runMeasured, spec, type MeasuredPhase, type PhaseTiming } from '../lib/phase.ts'
import type { Room, ServerUnderTest } from '../lib/servers.ts'

export const USERS_PER_ROOM = 5
export const WRITER_HZ = 5
export const P99_LIMIT_MS = 100

export interface RoomsStep extends MeasuredPhase {
  rooms: number
  /** p99 (send to last receiver) within the limit and no delivery missing. */
  holds: boolean
}

/** `rooms` rooms of 5 users, one writing at 5 Hz, all at once. */
export async function roomsStep(server: ServerUnderTest, pool: ClientPool, rooms: number, timing: PhaseTiming): Promise<RoomsStep> {
  const created: Room[] = []
  // Boards are created a few at a time (Concord: POST /api/boards).
  for (let first = 0; first < rooms; first += 20) {
    created.push(...(await Promise.all(Array.from({ length: Math.min(20, rooms - first) }, () => server.newRoom()))))
  }
  const specs: ClientSpec[] = created.flatMap((room, index) => [
    spec(room, index, 'beacon', { rateHz: WRITER_HZ }),
    ...Array.from({ length: USERS_PER_ROOM - 1 }, () => spec(room, index, 'reader')),
  ])
  try {
    const opened = await pool.open(specs, 120_000)
    if (opened.failures.length > 0) {
      throw new Error(`${rooms} rooms: ${opened.failures.length} clients failed to open: ${opened.failures[0]}`)
    }
    const result = await runMeasured(server, pool, timing, () => USERS_PER_ROOM - 1)
    const holds = result.doc.last.p99 <= P99_LIMIT_MS && result.doc.delivered >= result.doc.expected
    return { ...result, rooms, holds }
  } finally {
    await pool.closeClients()
  }
}

/** The largest size that held, `null` when none did; `largestTried` tells whether the limit is higher. */
export function roomsHeld(steps: RoomsStep[]): { rooms: number | null; largestTried: boolean; smallestTried: number } {
  const held = steps.filter((step) => step.holds).map((step) => step.rooms)
  return { rooms: held.length > 0 ? Math.max(...held) : null, largestTried: held.length === steps.length, smallestTried: Math.min(...steps.map((step) => step.rooms)) }
}
