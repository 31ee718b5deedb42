import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { getRecordsMap, writeRecord, writeRecordChange, type JsonRecord } from '@concord/shared/model'
import { authFrame, awarenessFrame, MESSAGE, messageKey, readFrame, syncStep1Frame, updateFrame } from './frames.ts'
import { Column, monotonicMs } from './growable.ts'
import type { ClientSpec } from './messages.ts'
import { geoShape, presenceState } from './shapes.ts'

/** y-protocols renews a client's awareness state every 15 s (outdated after 30 s). */
const AWARENESS_RENEW_MS = 15_000

/** What every thin client of a worker appends its receptions and sends to. */
export interface Recorder {
  /** Document receptions: key, clocks covered, receive time. */
  docReceived: Column[]
  /** Awareness receptions: key, receive time. */
  awarenessReceived: Column[]
  docSent: { keys: Column; lengths: Column; times: Column; rooms: Column }
  awarenessSent: { keys: Column; times: Column; rooms: Column }
  /** Awareness frames received inside [measureFrom, measureUntil), and their payload bytes: what the server sent. */
  awarenessFrames: { frames: number; bytes: number }
  /** Sends are recorded only inside [measureFrom, measureUntil). */
  measureFrom: number
  measureUntil: number
}

export function newRecorder(): Recorder {
  return {
    docReceived: [new Column(), new Column(), new Column()],
    awarenessReceived: [new Column(), new Column()],
    docSent: { keys: new Column(), lengths: new Column(), times: new Column(), rooms: new Column() },
    awarenessSent: { keys: new Column(), times: new Column(), rooms: new Column() },
    awarenessFrames: { frames: 0, bytes: 0 },
    measureFrom: Infinity,
    measureUntil: -Infinity,
  }
}

/**
 * One headless participant that only counts and timestamps what it receives (no Yjs state is
 * applied), and, by role, writes document updates or awareness states at a fixed rate.
 */
export class ThinClient {
  socket: WebSocket | undefined
  syncedAfterMs: number | undefined
  /** Set when the socket closed before `close()`. */
  lostReason: string | undefined
  private openedAt = 0
  private timer: NodeJS.Timeout | undefined
  private closing = false
  private readonly doc = new Y.Doc()
  private readonly clientId = this.doc.clientID
  private awarenessClock = 0
  private step = 0
  private shape: JsonRecord | undefined
  private onSynced: (() => void) | undefined
  beaconSeq = 0

  constructor(
    readonly spec: ClientSpec,
    private readonly recorder: Recorder,
  ) {
    this.doc.on('update', (update: Uint8Array) => this.sendUpdate(update))
  }

  /** Resolves once synced (Hocuspocus: the server's sync step 2; raw: the socket is open). */
  open(): Promise<void> {
    const { spec } = this
    return new Promise((resolve, reject) => {
      this.openedAt = monotonicMs()
      const socket = new WebSocket(spec.url, { perMessageDeflate: false })
      this.socket = socket
      socket.binaryType = 'nodebuffer'
      this.onSynced = () => {
        if (this.syncedAfterMs !== undefined) return
        this.syncedAfterMs = monotonicMs() - this.openedAt
        resolve()
      }
      socket.on('open', () => {
        if (spec.protocol === 'raw') return this.onSynced?.()
        socket.send(authFrame(spec.documentName, spec.token))
        socket.send(syncStep1Frame(spec.documentName))
      })
      socket.on('message', (data: Buffer) => this.receive(data))
      socket.on('error', (error) => reject(error))
      socket.on('close', (code, reason) => {
        if (!this.closing) this.lostReason = `closed ${code} ${reason.toString()}`
        reject(new Error(`socket closed before sync: ${code} ${reason.toString()}`))
      })
    })
  }

  /** Writes whatever the role writes once before the run (a dragger's shape, a presence state). */
  prepare(): void {
    const { role } = this.spec
    if (role === 'dragger') {
      this.shape = geoShape(`drag-${this.clientId}`, 100, 100, `a${this.clientId % 1000}`)
      writeRecord(getRecordsMap(this.doc), this.shape)
    }
    if (role === 'cursor' || role === 'idle') this.sendAwareness()
  }

  /**
   * Starts writing at the role's rate, with a random phase so writers do not fire in lockstep.
   * Each tick is scheduled for its own time (start + k periods), not a period after the last one
   * ran: timers only ever fire late, and `setInterval` let those delays add up (75 Hz gave ~61).
   * A writer more than a period behind skips ahead instead of sending a burst.
   */
  start(): void {
    const { role, rateHz } = this.spec
    if (role === 'idle') {
      this.timer = setInterval(() => this.sendAwareness(), AWARENESS_RENEW_MS)
      return
    }
    if (role === 'reader' || !rateHz) return
    const period = 1000 / rateHz
    let due = monotonicMs() + Math.random() * period
    const step = () => {
      this.tick()
      const now = monotonicMs()
      due = Math.max(due + period, now - period)
      this.timer = setTimeout(step, due - now)
    }
    this.timer = setTimeout(step, due - monotonicMs())
  }

  stop(): void {
    // Idle users renew presence on an interval, writers on timeouts.
    clearTimeout(this.timer)
    clearInterval(this.timer)
    this.timer = undefined
  }

  close(): void {
    this.stop()
    this.closing = true
    this.socket?.terminate()
    this.doc.destroy()
  }

  finalShape(): { id: string; x: number; y: number } | undefined {
    return this.shape && { id: this.shape.id, x: this.shape.x as number, y: this.shape.y as number }
  }

  private tick(): void {
    this.step++
    if (this.spec.role === 'beacon') {
      this.beaconSeq = this.step
      this.doc.getMap('beacon').set('seq', this.step)
    } else if (this.spec.role === 'dragger' && this.shape) {
      const next = { ...this.shape, x: 100 + Math.round(200 * Math.sin(this.step / 20)), y: 100 + this.step % 300 }
      writeRecordChange(getRecordsMap(this.doc), this.shape, next)
      this.shape = next
    } else if (this.spec.role === 'cursor') {
      this.sendAwareness()
    }
  }

  private sendUpdate(update: Uint8Array): void {
    const { spec, recorder } = this
    if (this.socket?.readyState !== WebSocket.OPEN) return
    const now = monotonicMs()
    if (now >= recorder.measureFrom && now < recorder.measureUntil) {
      const meta = Y.parseUpdateMeta(update)
      const from = meta.from.get(this.clientId) ?? 0
      const to = meta.to.get(this.clientId) ?? from
      recorder.docSent.keys.push(messageKey(this.clientId, from))
      recorder.docSent.lengths.push(to - from)
      recorder.docSent.times.push(now)
      recorder.docSent.rooms.push(spec.room)
    }
    this.socket.send(updateFrame(spec.documentName, update))
  }

  private sendAwareness(): void {
    const { spec, recorder } = this
    if (this.socket?.readyState !== WebSocket.OPEN) return
    const clock = ++this.awarenessClock
    const angle = clock / 10
    const frame = awarenessFrame(spec.documentName, this.clientId, clock, presenceState(this.clientId, 500 + 300 * Math.cos(angle), 400 + 200 * Math.sin(angle)))
    const now = monotonicMs()
    if (spec.role === 'cursor' && now >= recorder.measureFrom && now < recorder.measureUntil) {
      recorder.awarenessSent.keys.push(messageKey(this.clientId, clock))
      recorder.awarenessSent.times.push(now)
      recorder.awarenessSent.rooms.push(spec.room)
    }
    this.socket.send(frame)
  }

  private receive(data: Buffer): void {
    const now = monotonicMs()
    const [docKeys, docLengths, docTimes] = this.recorder.docReceived as [Column, Column, Column]
    const [awarenessKeys, awarenessTimes] = this.recorder.awarenessReceived as [Column, Column]
    const type = readFrame(data, {
      synced: () => this.onSynced?.(),
      update: (clientId, from, length) => {
        if (clientId === this.clientId) return // Hocuspocus echoes updates to their sender
        docKeys.push(messageKey(clientId, from))
        docLengths.push(length)
        docTimes.push(now)
      },
      awareness: (clientId, clock) => {
        if (clientId === this.clientId) return
        awarenessKeys.push(messageKey(clientId, clock))
        awarenessTimes.push(now)
      },
    })
    const { recorder } = this
    if (type === MESSAGE.awareness && now >= recorder.measureFrom && now < recorder.measureUntil) {
      recorder.awarenessFrames.frames++
      recorder.awarenessFrames.bytes += data.byteLength
    }
  }
}
