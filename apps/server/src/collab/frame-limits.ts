import { MessageType } from '@hocuspocus/server'
import { readFrameHeader, type FrameHeader } from './frames.ts'

/** Per-connection message limits, applied to raw frames before the sync engine parses them. */
export interface FrameLimits {
  /** Awareness updates per second per document; the excess is coalesced to the latest one. */
  awarenessPerSecond: number
  /** Messages per second of every type together: above it, the socket is closed. */
  messagesPerSecond: number
  /** Frames of a message type nobody sends that a socket may send before it is closed. */
  unknownTypes: number
}

export const DEFAULT_FRAME_LIMITS: FrameLimits = { awarenessPerSecond: 30, messagesPerSecond: 300, unknownTypes: 3 }

/** WebSocket close code for a policy violation (RFC 6455). */
export const POLICY_VIOLATION = 1008

/** Message types a client may send. */
const CLIENT_TYPES = new Set<number>([
  MessageType.Sync,
  MessageType.Awareness,
  MessageType.Auth,
  MessageType.QueryAwareness,
  MessageType.SyncReply,
  MessageType.Stateless,
  MessageType.CLOSE,
  MessageType.Ping,
  MessageType.Pong,
])

const WINDOW_MS = 1000
/** Documents one socket may address; a Hocuspocus socket multiplexes a tab's few boards. */
const MAX_ADDRESSES = 128

interface AddressState {
  awareness: number
  /** The latest awareness frame over the rate, sent when the window ends. */
  latest: Uint8Array | null
}

/** A message the limits dropped or coalesced, or a socket they closed. */
export type FrameLimitEvent = { kind: 'awareness' | 'query-awareness' } | { closed: 'rate' | 'unknown-type' }

export interface FrameLimitHandlers {
  /** Hands a frame on to the sync engine. */
  deliver(frame: Uint8Array): void
  /** Closes the socket. */
  closeOverLimit(code: number, reason: string): void
  /** Counts a message the limits dropped or coalesced, or a socket they closed. */
  limited?(event: FrameLimitEvent): void
}

/**
 * One socket's frame budget. The limiter sits in front of the sync engine, so excess frames cost
 * only a varint read: awareness above its rate is coalesced (only the newest waiting update is
 * kept and sent when the window ends, none are queued), awareness queries above it are dropped,
 * any socket above the hard rate is closed, and a few frames of unknown type close it too (the
 * engine logs a line for each otherwise). `prefixed` frames start with a document address
 * (Hocuspocus); y-websocket frames do not.
 */
export class SocketFrameLimiter {
  private windowStart = 0
  private messages = 0
  private unknown = 0
  private closed = false
  private readonly addresses = new Map<string, AddressState>()
  private flushTimer: NodeJS.Timeout | undefined

  constructor(
    private readonly limits: FrameLimits,
    private readonly prefixed: boolean,
    private readonly handlers: FrameLimitHandlers,
  ) {}

  accept(frame: Uint8Array): void {
    if (this.closed) return
    const now = performance.now()
    if (now - this.windowStart >= WINDOW_MS) this.newWindow(now)
    if (++this.messages > this.limits.messagesPerSecond) return this.shut('too many messages', 'rate')
    const header = readFrameHeader(frame, this.prefixed)
    // A frame without a readable header goes on: the engine refuses it and closes the socket.
    if (header === null) return this.handlers.deliver(frame)
    if (!CLIENT_TYPES.has(header.type)) {
      if (++this.unknown > this.limits.unknownTypes) return this.shut('unknown message type', 'unknown-type')
      return
    }
    if (header.type !== MessageType.Awareness && header.type !== MessageType.QueryAwareness) return this.handlers.deliver(frame)
    const address = addressOf(frame, header)
    if (!this.addresses.has(address) && this.addresses.size >= MAX_ADDRESSES) return this.shut('too many documents', 'rate')
    const state = this.addressState(address)
    if (++state.awareness <= this.limits.awarenessPerSecond) return this.handlers.deliver(frame)
    if (header.type === MessageType.Awareness) {
      state.latest = frame
      this.flushTimer ??= setTimeout(() => this.flush(), Math.max(0, this.windowStart + WINDOW_MS - now))
      this.handlers.limited?.({ kind: 'awareness' })
    } else {
      this.handlers.limited?.({ kind: 'query-awareness' })
    }
  }

  /** Stops the timers; call when the socket closes. */
  dispose(): void {
    this.closed = true
    clearTimeout(this.flushTimer)
    this.addresses.clear()
  }

  private newWindow(now: number): void {
    this.windowStart = now
    this.messages = 0
    for (const state of this.addresses.values()) state.awareness = 0
  }

  private flush(): void {
    this.flushTimer = undefined
    if (this.closed) return
    this.newWindow(performance.now())
    for (const state of this.addresses.values()) {
      const latest = state.latest
      state.latest = null
      if (latest) {
        state.awareness++
        this.messages++
        this.handlers.deliver(latest)
      }
    }
  }

  private addressState(address: string): AddressState {
    let state = this.addresses.get(address)
    if (!state) {
      state = { awareness: 0, latest: null }
      this.addresses.set(address, state)
    }
    return state
  }

  private shut(reason: string, closed: 'rate' | 'unknown-type'): void {
    this.handlers.limited?.({ closed })
    this.dispose()
    this.handlers.closeOverLimit(POLICY_VIOLATION, reason)
  }
}

/** The frame's address as a map key: its first 256 bytes as latin1, never decoded as text (it is the client's claim). */
function addressOf(frame: Uint8Array, header: FrameHeader): string {
  const length = Math.min(header.addressEnd - header.addressStart, 256)
  return Buffer.from(frame.buffer, frame.byteOffset + header.addressStart, length).toString('latin1')
}
