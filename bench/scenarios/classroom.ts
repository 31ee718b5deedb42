import * as Y from 'yjs'
import { LAB_CHANNEL } from '@concord/shared'
import { getRecordsMap, readRecord } from '@concord/shared/model'
import type { ClientSpec } from '../client/messages.ts'
import type { ClientPool } from '../lib/client-pool.ts'
import { eventually, openProbes, runMeasured, spec, type MeasuredPhase, type PhaseTiming } from '../lib/phase.ts'
import { isConcord, type ServerUnderTest } from '../lib/servers.ts'

/** The web client's rates: document writes during a drag (LocalWriteQueue) and presence (80 ms throttle). */
export const DRAG_WRITES_HZ = 8
export const PRESENCE_HZ = 1000 / 80

export interface RoomMix {
  draggers: number
  cursors: number
  /** Idle editors (publish presence once, renew every 15 s). */
  idle: number
  /** Viewers: idle, presence hidden by the server (Concord's viewer role). */
  viewers: number
}

export const BUSY_CLASSROOM: RoomMix = { draggers: 5, cursors: 20, idle: 25, viewers: 0 }
/** 30 active editors: 10 dragging, 20 moving cursors; 270 viewers. */
export const LECTURE_HALL: RoomMix = { draggers: 10, cursors: 20, idle: 0, viewers: 270 }
/** The 1,000-seat hall of issue 25: the same 30 active editors, 70 idle ones, 900 viewers. */
export const THOUSAND_SEAT_HALL: RoomMix = { draggers: 10, cursors: 20, idle: 70, viewers: 900 }

const PROBES = 2

export interface ClassroomRun extends MeasuredPhase {
  /** Every dragger's shape ended at its last position in the probes' documents. */
  contentVerified: boolean
  /** Document growth: encoded state before the drags (a probe's copy) and stored after (Concord). */
  growth: { beforeBytes: number; afterBytes: number | null; dragSeconds: number; draggers: number } | null
  /** With a lab viewer: the lab messages (snapshot, events) it received over the run. */
  labMessages: number | null
}

/**
 * One room with `mix` for the phase; the probes are two of the idle users (or viewers). With
 * `labViewer`, the first probe also watches the board's replication lab, as an open lab page does.
 */
export async function classroomRun(server: ServerUnderTest, pool: ClientPool, mix: RoomMix, timing: PhaseTiming, { labViewer = false } = {}): Promise<ClassroomRun> {
  const room = await server.newRoom()
  const probesAreViewers = mix.viewers >= PROBES
  const probes = await openProbes(room, PROBES, probesAreViewers)
  let labMessages = 0
  if (labViewer) {
    probes[0]!.provider.on('stateless', ({ payload }: { payload: string }) => {
      if ((JSON.parse(payload) as { channel?: unknown }).channel === LAB_CHANNEL) labMessages += 1
    })
    probes[0]!.provider.sendStateless(JSON.stringify({ channel: LAB_CHANNEL, type: 'subscribe' }))
  }
  let closed = false
  const closeAll = async () => {
    if (closed) return
    closed = true
    for (const probe of probes) probe.destroy()
    await pool.closeClients()
  }
  try {
    const specs: ClientSpec[] = [
      ...Array.from({ length: mix.draggers }, () => spec(room, 0, 'dragger', { rateHz: DRAG_WRITES_HZ })),
      ...Array.from({ length: mix.cursors }, () => spec(room, 0, 'cursor', { rateHz: PRESENCE_HZ })),
      ...Array.from({ length: mix.idle - (probesAreViewers ? 0 : PROBES) }, () => spec(room, 0, 'idle')),
      ...Array.from({ length: mix.viewers - (probesAreViewers ? PROBES : 0) }, () => spec(room, 0, 'idle', { viewer: true })),
    ]
    const opened = await pool.open(specs)
    if (opened.failures.length > 0) throw new Error(`${opened.failures.length} clients failed to open: ${opened.failures[0]}`)
    // Shapes only: a Concord board also holds the document and page records it was created with.
    const shapes = () => [...getRecordsMap(probes[0]!.doc).values()].filter((record) => record.get('typeName') === 'shape').length
    if (!(await eventually(() => shapes() >= mix.draggers, 10_000))) throw new Error('the draggers’ shapes did not reach the probes')
    const beforeBytes = Y.encodeStateAsUpdate(probes[0]!.doc).byteLength
    const result = await runMeasured(server, pool, timing, () => specs.length - 1)
    const contentVerified = await eventually(
      () =>
        probes.every((probe) =>
          Object.entries(result.finalShapes).every(([id, { x, y }]) => {
            const record = readRecord(getRecordsMap(probe.doc), id)
            return record?.x === x && record.y === y
          }),
        ),
      5000,
    )
    await closeAll()
    let afterBytes: number | null = null
    if (isConcord(server.kind)) {
      // The last client gone, the server compacts the log into one snapshot.
      await eventually(() => {
        const stored = server.storedBytes(room.documentName)
        return stored.logRows === 0 && stored.snapshot > beforeBytes
      }, 20_000)
      afterBytes = server.storedBytes(room.documentName).snapshot
    }
    const dragSeconds = (timing.warmupMs + timing.measureMs) / 1000
    return { ...result, contentVerified, growth: { beforeBytes, afterBytes, dragSeconds, draggers: mix.draggers }, labMessages: labViewer ? labMessages : null }
  } finally {
    await closeAll()
  }
}
