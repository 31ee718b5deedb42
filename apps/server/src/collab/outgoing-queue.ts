import type { beforeSyncPayload, Connection, connectedPayload, Extension } from '@hocuspocus/server'
import { broadcastTypeOf } from './frames.ts'

/** One frame on its way from the server to one document connection. */
export interface OutgoingFrame {
  connection: Connection
  bytes: Uint8Array
  /** The Hocuspocus `MessageType` after the document-name prefix (`MessageType.SyncStatus`, ...). */
  messageType: number
}

/**
 * What a rule decides for a frame: `undefined` passes it to the next rule (and, after the last,
 * to the socket); `drop` discards it; `delayMs` sends it on after that long; `hold` keeps it until
 * `release` picks it by its tag.
 */
export type FrameVerdict = undefined | { drop: true } | { delayMs: number } | { hold: unknown }

export type FrameRule = (frame: OutgoingFrame) => FrameVerdict

export interface HeldFrame extends OutgoingFrame {
  /** The tag the holding rule gave it. */
  tag: unknown
  /** `performance.now()` when it was held. */
  heldAt: number
}

interface Pending extends HeldFrame {
  /** The index of the rule that held it (-1 while none has). */
  heldBy: number
  /** The connection's own `send`, which writes to its socket. */
  deliver: (bytes: Uint8Array) => void
}

interface Wrapped {
  held: Pending[]
}

/**
 * One queue per document connection for everything the server sends it. Its rules, given once
 * in the order they see a frame, can hold, delay or drop frames; frames no rule touches go out
 * at once, in order. Held frames keep their order among themselves and do not block the frames
 * behind them.
 *
 * Durability holds acknowledgements here until their update is committed, and the replication
 * lab's fault injection drops and delays a replica's frames here.
 */
export class OutgoingQueue implements Extension {
  extensionName = 'concord-outgoing-queue'

  private readonly connections = new Map<Connection, Wrapped>()
  /** The connections holding frames: a release looks at these only, not at every connection. */
  private readonly holding = new Set<Wrapped>()

  constructor(private readonly rules: readonly FrameRule[]) {}

  /**
   * Sends on every held frame `select` picks, oldest first per connection, through the rules
   * after the one that held it. Returns the released frames.
   */
  release(select: (frame: HeldFrame) => boolean): HeldFrame[] {
    const released: Pending[] = []
    for (const wrapped of this.holding) {
      const keep: Pending[] = []
      for (const frame of wrapped.held) (select(frame) ? released : keep).push(frame)
      wrapped.held = keep
      if (keep.length === 0) this.holding.delete(wrapped)
    }
    for (const frame of released) this.pass(frame, frame.heldBy + 1)
    return released
  }

  /** Frames currently held, over all connections. */
  heldCount(): number {
    let count = 0
    for (const wrapped of this.holding) count += wrapped.held.length
    return count
  }

  async connected({ connection }: connectedPayload): Promise<void> {
    this.wrap(connection)
  }

  // Queued frames can be applied before `connected` runs; acknowledgements are only sent after
  // this hook, so wrapping here as well means none escapes the queue.
  async beforeSync({ connection }: beforeSyncPayload): Promise<void> {
    this.wrap(connection)
  }

  private wrap(connection: Connection): void {
    if (this.connections.has(connection)) return
    const deliver = connection.send.bind(connection)
    const wrapped: Wrapped = { held: [] }
    this.connections.set(connection, wrapped)
    connection.send = (bytes: Uint8Array) => {
      const frame = { connection, bytes, messageType: broadcastTypeOf(bytes), tag: undefined, heldAt: 0, heldBy: -1, deliver }
      this.pass(frame, 0)
    }
    // Whatever is still held for a closed connection can never be delivered.
    connection.onClose(() => {
      this.connections.delete(connection)
      this.holding.delete(wrapped)
    })
  }

  private pass(frame: Pending, fromRule: number): void {
    for (let index = fromRule; index < this.rules.length; index++) {
      const rule = this.rules[index]!
      const verdict = rule(frame)
      if (verdict === undefined) continue
      if ('drop' in verdict) return
      if ('delayMs' in verdict) {
        setTimeout(() => this.pass(frame, index + 1), verdict.delayMs)
        return
      }
      const wrapped = this.connections.get(frame.connection)
      if (!wrapped) return
      wrapped.held.push({ ...frame, tag: verdict.hold, heldAt: performance.now(), heldBy: index })
      this.holding.add(wrapped)
      return
    }
    frame.deliver(frame.bytes)
  }
}
