import type { WebSocketLike } from '@hocuspocus/server'
import type { Peer } from 'crossws'
import type { Logger } from 'pino'
import type { ConcordMetrics } from '../metrics.ts'
import { SocketFrameLimiter, type FrameLimitEvent, type FrameLimitHandlers, type FrameLimits } from './frame-limits.ts'
import type { SocketAccount } from './socket-budget.ts'

/** What the socket hooks need of a connection, Hocuspocus' own or a /yws bridge. */
export interface SocketConnection {
  handleMessage(frame: Uint8Array): void
  handleClose(event: { code: number; reason: string }): void
}

/**
 * One open collaboration socket: the socket Hocuspocus (or the /yws bridge) sends on, what its
 * frame limiter hands frames to, and its account. One object per socket with its methods on the
 * prototype, not closures per socket: an idle lecture hall holds thousands of sockets, and each
 * named closure costs a few hundred bytes (tsx names the functions it compiles, which gives every
 * such closure its own property store; measured with `pnpm bench --only=memory --heap-snapshots`).
 */
export class PeerSocket implements WebSocketLike, FrameLimitHandlers {
  /** Set right after construction: the connection needs this socket to exist first. */
  connection!: SocketConnection
  readonly limiter: SocketFrameLimiter
  /** True once this side dropped the socket: frames still in flight are not handled. */
  dropped = false
  private readonly websocket: Partial<WebSocketLike>

  constructor(
    private readonly peer: Peer,
    readonly account: SocketAccount,
    frames: FrameLimits,
    prefixed: boolean,
    private readonly log: Logger,
    private readonly metrics: ConcordMetrics | null,
  ) {
    this.websocket = wsOf(peer)
    this.limiter = new SocketFrameLimiter(frames, prefixed, this)
  }

  // Hocuspocus reads readyState twice and sends on every frame to every socket: both go to ws'
  // own socket (see `wsOf`).
  get readyState(): number {
    return this.websocket.readyState ?? 3
  }

  /** What Hocuspocus sends passes the account, which follows the authentication answers. */
  send(data: unknown): void {
    this.websocket.send?.(data as Uint8Array)
    const breach = this.account.sent(data as Uint8Array)
    if (breach) this.drop(breach)
  }

  close(code?: number, reason?: string): void {
    this.websocket.close?.(code, reason)
  }

  /** A frame from the client: accounted, then limited. */
  received(frame: Uint8Array): void {
    if (this.dropped) return
    const breach = this.account.received(frame.byteLength)
    if (breach) return this.drop(breach)
    this.limiter.accept(frame)
  }

  deliver(frame: Uint8Array): void {
    this.connection.handleMessage(frame)
  }

  closeOverLimit(code: number, reason: string): void {
    this.log.warn({ peer: this.peer.id, reason }, 'collab socket passed a message limit: closing it')
    this.peer.close(code, reason)
  }

  limited(event: FrameLimitEvent): void {
    if ('kind' in event) this.metrics?.limitedMessages.inc({ kind: event.kind })
    else this.metrics?.limitClosures.inc({ limit: event.closed })
  }

  /** The socket closed: its budget, timers and connection end. */
  closed(code: number, reason: string): void {
    this.account.close()
    this.limiter.dispose()
    this.connection.handleClose({ code, reason })
  }

  /** Drops the socket for breaking a limit. */
  private drop(reason: string): void {
    if (this.dropped) return
    this.dropped = true
    this.log.warn({ peer: this.peer.id, address: this.account.address, reason }, 'collab socket closed')
    // Dropped, not closed: a graceful close would read (and allocate) whatever the client still sends.
    this.peer.terminate()
  }
}

/**
 * The ws socket under a crossws peer, which keeps it in `_internal` (crossws 0.4); its Proxy
 * (`peer.websocket`) should crossws keep it elsewhere. The Proxy's trap runs on every property
 * read, inside ws' `send` too. readyState is read from ws itself, not tracked from events: ws
 * turns CLOSING without one (a close frame, the socket's end or error).
 */
function wsOf(peer: Peer): Partial<WebSocketLike> {
  return (peer as unknown as { _internal?: { ws?: WebSocketLike } })._internal?.ws ?? peer.websocket
}
