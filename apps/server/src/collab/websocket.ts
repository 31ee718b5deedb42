import type { IncomingMessage, Server as HttpServer } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Peer } from 'crossws'
import crossws from 'crossws/adapters/node'
import type { Hocuspocus, WebSocketLike } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { MAX_FRAME_BYTES } from '@concord/shared'
import { CLIENT_ADDRESS_HEADER, clientAddress, type TrustProxy } from '../http/client-address.ts'
import type { ConcordMetrics } from '../metrics.ts'
import { SocketFrameLimiter, type FrameLimits } from './frame-limits.ts'
import type { SocketAccount, SocketBudget } from './socket-budget.ts'
import { Y_WEBSOCKET_PATH, type YWebsocketEndpoint, type YWebsocketGrant } from './y-websocket.ts'

export const COLLAB_PATH = '/collab'

/** Close code sent to open sockets when the server shuts down ("going away"). */
const GOING_AWAY = 1001

export interface CollabWebSocket {
  /** Refuses new upgrades; open sockets stay until `closeAll`. */
  stopAccepting(): void
  closeAll(): void
}

export interface CollabSocketOptions {
  log: Logger
  budget: SocketBudget
  trustProxy: TrustProxy
  /** Page origins allowed besides the server's own (`ALLOWED_ORIGINS`). */
  allowedOrigins: string[]
  /** Seconds the address must wait after too many refused tokens (0: it may try). */
  retryAfter(address: string): number
  yws?: YWebsocketEndpoint
  /** Per-socket message rates (`CONCORD_MESSAGES_PER_SECOND`, awareness coalescing). */
  frames: FrameLimits
  metrics: ConcordMetrics | null
}

/** What the socket hooks need of a connection, Hocuspocus' own or a /yws bridge. */
interface SocketConnection {
  handleMessage(frame: Uint8Array): void
  handleClose(event: { code: number; reason: string }): void
}

interface OpenSocket {
  connection: SocketConnection
  account: SocketAccount
  limiter: SocketFrameLimiter
  /** True once this side dropped the socket: frames still in flight are not handled. */
  dropped(): boolean
  /** Drops the socket for breaking a limit. */
  drop(reason: string): void
}

/**
 * Serves the Hocuspocus protocol on `/collab` of our own HTTP server (crossws' Node adapter),
 * so one port carries the API, the web app and the websocket, and the y-websocket protocol on
 * `/yws/<board id>` when an endpoint is given. Every other upgrade is refused, and so are
 * upgrades from pages of other origins, from addresses with too many open sockets or refused
 * tokens; open sockets are closed when they send more than the pre-authentication budget
 * allows or present too many refused tokens.
 */
export function attachCollabWebSocket(server: HttpServer, hocuspocus: Hocuspocus, options: CollabSocketOptions): CollabWebSocket {
  const { log, budget, trustProxy, yws, metrics } = options
  const allowedOrigins = new Set(options.allowedOrigins)
  const sockets = new WeakMap<object, OpenSocket>()
  let accepting = true

  const ws = crossws({
    // ws' default maxPayload is 100 MiB; a larger frame closes the socket with 1009.
    serverOptions: { maxPayload: MAX_FRAME_BYTES },
    hooks: {
      upgrade(request) {
        if (yws && isYWebsocketPath(new URL(request.url).pathname)) return yws.upgrade(request)
        return undefined
      },
      open(peer) {
        const grant = (peer.context as { yws?: YWebsocketGrant }).yws
        const address = peer.request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'
        const account = budget.account(address, grant !== undefined)
        let dropped = false
        const drop = (reason: string) => {
          if (dropped) return
          dropped = true
          log.warn({ peer: peer.id, address, reason }, 'collab socket closed')
          // Dropped, not closed: a graceful close would read (and allocate) whatever the client still sends.
          peer.terminate()
        }
        // What Hocuspocus sends passes the account, which follows the authentication answers.
        // Hocuspocus reads readyState twice and sends on every frame to every socket, so both go
        // to ws' own socket: `peer.websocket` wraps it in a Proxy whose trap runs on every
        // property read, inside ws' `send` too.
        const websocket = wsOf(peer)
        const socket: WebSocketLike = {
          get readyState() {
            return websocket.readyState ?? 3
          },
          send(data) {
            websocket.send?.(data as Uint8Array)
            const breach = account.sent(data as Uint8Array)
            if (breach) drop(breach)
          },
          close(code, reason) {
            websocket.close?.(code, reason)
          },
        }
        const connection =
          grant && yws
            ? yws.open(socket, peer.request as Request, grant)
            : hocuspocus.handleConnection(socket, peer.request as Request, { address })
        const limiter = new SocketFrameLimiter(options.frames, !grant, {
          deliver: (frame) => connection.handleMessage(frame),
          close: (code, reason) => {
            log.warn({ peer: peer.id, reason }, 'collab socket passed a message limit: closing it')
            peer.close(code, reason)
          },
          limited: (event) => {
            if ('kind' in event) metrics?.limitedMessages.inc({ kind: event.kind })
            else metrics?.limitClosures.inc({ limit: event.closed })
          },
        })
        sockets.set(peer, { connection, account, limiter, dropped: () => dropped, drop })
      },
      message(peer, message) {
        const open = sockets.get(peer)
        if (!open || open.dropped()) return
        const frame = message.uint8Array()
        const breach = open.account.received(frame.byteLength)
        if (breach) return open.drop(breach)
        open.limiter.accept(frame)
      },
      close(peer, event) {
        const open = sockets.get(peer)
        if (!open) return
        open.account.close()
        open.limiter.dispose()
        open.connection.handleClose({ code: event.code ?? 1005, reason: event.reason ?? '' })
        sockets.delete(peer)
      },
      error(peer, error) {
        log.warn({ err: error, peer: peer.id }, 'collab websocket error')
      },
    },
  })

  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (!accepting || (path !== COLLAB_PATH && !(yws && isYWebsocketPath(path)))) {
      socket.destroy()
      return
    }
    const forwardedFor = request.headers['x-forwarded-for']
    const address = clientAddress(request.socket.remoteAddress, Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? null), trustProxy)
    request.headers[CLIENT_ADDRESS_HEADER] = address
    const refusal = refusalOf(request, address)
    if (refusal) {
      log.info({ path, origin: request.headers.origin, status: refusal.status, reason: refusal.reason }, 'websocket upgrade refused')
      refuseUpgrade(socket, refusal)
      return
    }
    void ws.handleUpgrade(request, socket, head)
  })

  /** Why an upgrade must be refused before any work is done for it, or null. */
  function refusalOf(request: IncomingMessage, address: string): UpgradeRefusal | null {
    const origin = request.headers.origin
    // Browsers always send Origin; other clients (replicas, tests) send none and prove a link like anyone.
    if (origin !== undefined && !isSameOrigin(origin, request.headers.host) && !allowedOrigins.has(origin)) {
      return { status: 403, reason: 'origin not allowed' }
    }
    const retryAfter = options.retryAfter(address)
    if (retryAfter > 0) return { status: 429, reason: 'too many refused links from this address', retryAfter }
    if (!budget.admits(address)) return { status: 429, reason: 'too many connections from this address', retryAfter: 10 }
    return null
  }

  return {
    stopAccepting() {
      accepting = false
    },
    closeAll() {
      ws.closeAll(GOING_AWAY, 'server shutting down')
    },
  }
}

interface UpgradeRefusal {
  status: 403 | 429
  reason: string
  retryAfter?: number
}

/** Answers an upgrade request with a plain HTTP error and ends the connection. */
function refuseUpgrade(socket: Duplex, { status, reason, retryAfter }: UpgradeRefusal): void {
  const statusText = status === 403 ? 'Forbidden' : 'Too Many Requests'
  const headers = [
    `HTTP/1.1 ${status} ${statusText}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(reason)}`,
    ...(retryAfter ? [`Retry-After: ${retryAfter}`] : []),
  ]
  socket.end(`${headers.join('\r\n')}\r\n\r\n${reason}`)
}

/** Whether the page's origin is this server as the browser addressed it (same host and port). */
function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined || !URL.canParse(origin)) return false
  return new URL(origin).host === host.toLowerCase()
}

/**
 * The ws socket under a crossws peer, which keeps it in `_internal` (crossws 0.4); its Proxy
 * (`peer.websocket`) should crossws keep it elsewhere. readyState is read from ws itself, not
 * tracked from events: ws turns CLOSING without one (a close frame, the socket's end or error).
 */
function wsOf(peer: Peer): Partial<WebSocketLike> {
  return (peer as unknown as { _internal?: { ws?: WebSocketLike } })._internal?.ws ?? peer.websocket
}

function isYWebsocketPath(path: string): boolean {
  return path.startsWith(`${Y_WEBSOCKET_PATH}/`)
}
