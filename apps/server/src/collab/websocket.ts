import type { IncomingMessage, Server as HttpServer } from 'node:http'
import type { Duplex } from 'node:stream'
import crossws from 'crossws/adapters/node'
import type { Hocuspocus } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { MAX_FRAME_BYTES } from '@concord/shared'
import { CLIENT_ADDRESS_HEADER, clientAddress, type TrustProxy } from '../http/client-address.ts'
import type { ConcordMetrics } from '../metrics.ts'
import type { FrameLimits } from './frame-limits.ts'
import { PeerSocket } from './peer-socket.ts'
import type { SocketBudget } from './socket-budget.ts'
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
  const sockets = new WeakMap<object, PeerSocket>()
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
        const socket = new PeerSocket(peer, budget.account(address, grant !== undefined), options.frames, !grant, log, metrics)
        socket.connection =
          grant && yws
            ? yws.open(socket, peer.request as Request, grant)
            : hocuspocus.handleConnection(socket, peer.request as Request, { address })
        sockets.set(peer, socket)
      },
      message(peer, message) {
        sockets.get(peer)?.received(message.uint8Array())
      },
      close(peer, event) {
        const socket = sockets.get(peer)
        if (!socket) return
        socket.closed(event.code ?? 1005, event.reason ?? '')
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

function isYWebsocketPath(path: string): boolean {
  return path.startsWith(`${Y_WEBSOCKET_PATH}/`)
}
