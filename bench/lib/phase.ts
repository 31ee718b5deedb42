import { openDocument, synced, type TestClient } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { monotonicMs } from '../client/growable.ts'
import type { ClientSpec } from '../client/messages.ts'
import type { ClientPool, PhaseResult } from './client-pool.ts'
import { isConcord, type Room, type ServerStats, type ServerUnderTest } from './servers.ts'

export interface PhaseTiming {
  warmupMs: number
  measureMs: number
  drainMs: number
}

export interface MeasuredPhase extends PhaseResult {
  server: ServerStats & { cpuShare: number }
  /** Concord's own telemetry over the measured window: group commits and held acknowledgements. */
  durability: { commits: number; commitMeanMs: number; ackDelayMeanMs: number } | null
}

async function durabilityCounters(server: ServerUnderTest): Promise<Map<string, number> | null> {
  return isConcord(server.kind) ? server.metrics() : null
}

/**
 * Runs the open clients' writers, with the server's CPU, event-loop delay and memory taken over
 * the measured window only.
 */
export async function runMeasured(server: ServerUnderTest, pool: ClientPool, timing: PhaseTiming, receivers: (room: number) => number): Promise<MeasuredPhase> {
  // The pool starts 200 ms after the call; the server window follows the measured one.
  const startAt = monotonicMs() + 200
  const reset = sleep(startAt + timing.warmupMs - monotonicMs()).then(() => Promise.all([server.resetStats(), durabilityCounters(server)]))
  const stats = reset.then(([, before]) => sleep(timing.measureMs).then(() => Promise.all([server.stats(), durabilityCounters(server), before])))
  const result = await pool.run(timing.warmupMs, timing.measureMs, timing.drainMs, receivers)
  const [serverStats, after, before] = await stats
  let durability: MeasuredPhase['durability'] = null
  if (after && before) {
    const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0)
    const commits = delta('concord_commit_duration_seconds_count')
    const acks = delta('concord_ack_delay_seconds_count')
    durability = {
      commits,
      commitMeanMs: commits ? (delta('concord_commit_duration_seconds_sum') / commits) * 1000 : NaN,
      ackDelayMeanMs: acks ? (delta('concord_ack_delay_seconds_sum') / acks) * 1000 : NaN,
    }
  }
  return { ...result, server: { ...serverStats, cpuShare: serverStats.cpuMs / serverStats.wallMs }, durability }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
}

/** A thin client spec in `room`. */
export function spec(room: Room, roomIndex: number, role: ClientSpec['role'], options: { rateHz?: number; viewer?: boolean; openAfterMs?: number } = {}): ClientSpec {
  return {
    url: room.url,
    protocol: room.protocol,
    documentName: room.documentName,
    token: options.viewer ? room.viewerToken : room.editorToken,
    role,
    rateHz: options.rateHz,
    room: roomIndex,
    openAfterMs: options.openAfterMs,
  }
}

/** Full Yjs clients (HocuspocusProvider) in this process, synced, that verify what the room holds. */
export async function openProbes(room: Room, count: number, viewer = false): Promise<TestClient[]> {
  if (room.protocol === 'raw') return []
  // The helper appends /collab; stock Hocuspocus accepts any path.
  const httpUrl = room.url.replace(/^ws/, 'http').replace(/\/collab$/, '')
  const probes = Array.from({ length: count }, () => openDocument(httpUrl, room.documentName, viewer ? room.viewerToken : room.editorToken))
  try {
    await Promise.all(probes.map((probe) => synced(probe)))
  } catch (error) {
    for (const probe of probes) probe.destroy()
    throw error
  }
  return probes
}

/** Whether `check` comes to hold within `timeoutMs`: the bench reports a miss instead of failing. */
export function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  return waitFor(check, { timeoutMs }).then(
    () => true,
    () => false,
  )
}
