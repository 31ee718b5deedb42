import { messageYjsSyncStep2 } from 'y-protocols/sync'
import type { ClockRange, FrameFate, ReplicaReport, UpdateLeg } from '@concord/shared'
import type { FaultVerdict } from './fault-book.ts'
import { readSyncUpdate } from './frames.ts'

/** The update inside a Hocuspocus sync step 2 or update frame; null for any other frame. */
export function readSyncPayload(frame: Uint8Array): { kind: UpdateLeg['kind']; update: Uint8Array } | null {
  const sync = readSyncUpdate(frame)
  return sync && { kind: sync.syncType === messageYjsSyncStep2 ? 'sync-step-2' : 'update', update: sync.update }
}

/** A fault's verdict on a frame, as the lab shows it. */
export function legFate(verdict: FaultVerdict, now: number): FrameFate {
  if (verdict === undefined) return { fate: 'delivered' }
  return 'drop' in verdict ? { fate: 'dropped' } : { fate: 'delayed', until: now + verdict.delayMs }
}

/** Whether every operation of `inner` is inside `outer`. */
function carries(outer: ClockRange[], inner: ClockRange[]): boolean {
  return inner.every((range) => outer.some((out) => out.clientId === range.clientId && out.from <= range.from && range.to <= out.to))
}

/**
 * The ids of the incoming legs (from replicas other than the receiver `to`) whose operations an
 * outgoing update carries. The server batches relays, so there can be several.
 */
export function causesOf(recentIn: UpdateLeg[], authors: ClockRange[], to: string): string[] {
  return recentIn.filter((leg) => leg.connectionId !== to && leg.authors.length > 0 && carries(authors, leg.authors)).map((leg) => leg.id)
}

/** Hocuspocus relays an update to its sender too; that echo is no message worth drawing. */
export function isEcho(recentIn: UpdateLeg[], authors: ClockRange[], to: string): boolean {
  return authors.length > 0 && recentIn.some((leg) => leg.connectionId === to && carries(leg.authors, authors))
}

/**
 * Whether a board has converged since a heal at `healedAt`: every replica that reports at all has
 * reported since the heal, with the server's digest. Replicas that never report (stock y-websocket
 * clients) cannot be judged and are not among `reports`; at least one report is needed.
 */
export function hasConverged(reports: Array<ReplicaReport & { at: number }>, serverDigest: string, healedAt: number): boolean {
  return reports.length > 0 && reports.every((report) => report.at >= healedAt && report.digest === serverDigest)
}
