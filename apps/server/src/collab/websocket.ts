import type { Server as HttpServer } from 'node:http'
import crossws from 'crossws/adapters/node'
import type { Hocuspocus, WebSocketLike } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { MAX_FRAME_BYTES } from '@concord/shared'
import type { ConcordMetrics } from '../metrics.ts'
import { DEFAULT_FRAME_LIMITS, SocketFrameLimiter, type FrameLimits } from './frame-limits.ts'
import { Y_WEBSOCKET_PATH, type YWebsocketEndpoint, type YWebsocketGrant } from './y-websocket.ts'

export const COLLAB_PATH = '/collab'

/** Close code sent to open sockets when the server shuts down ("going away"). */
const GOING_AWAY = 1001

export interface CollabWebSocket {
  /** Refuses new upgrades; open sockets stay until `closeAll`. */
  stopAccepting(): void
  closeAll(): void
}

/** What the socket hooks need of a connection, Hocuspocus' own or a /yws bridge. */
interface SocketConnection {
  handleMessage(frame: Uint8Array): void
  handleClose(event: { code: number; reason: string }): void
}

/**
 * Serves the Hocuspocus protocol on `/collab` of our own HTTP server (crossws' Node adapter),
 * so one port carries the API, the web app and the websocket, and the y-websocket protocol on
 * `/yws/<board id>` when an endpoint is given. Every other upgrade is refused.
 */
export function attachCollabWebSocket(
  server: HttpServer,
  hocuspocus: Hocuspocus,
  log: Logger,
  yws?: YWebsocketEndpoint,
  limits: { frames: FrameLimits; metrics: ConcordMetrics | null } = { frames: DEFAULT_FRAME_LIMITS, metrics: null },
): CollabWebSocket {
  const connections = new WeakMap<object, SocketConnection>()
  const limiters = new WeakMap<object, SocketFrameLimiter>()
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
        const connection =
          grant && yws
            ? yws.open(peer.websocket as unknown as WebSocketLike, peer.request as Request, grant)
            : hocuspocus.handleConnection(peer.websocket as unknown as WebSocketLike, peer.request as Request)
        connections.set(peer, connection)
        const { metrics } = limits
        limiters.set(
          peer,
          new SocketFrameLimiter(limits.frames, !grant, {
            deliver: (frame) => connection.handleMessage(frame),
            close: (code, reason) => {
              log.warn({ peer: peer.id, reason }, 'collab socket passed a message limit: closing it')
              peer.close(code, reason)
            },
            limited: (event) => {
              if ('kind' in event) metrics?.limitedMessages.inc({ kind: event.kind })
              else metrics?.limitClosures.inc({ limit: event.closed })
            },
          }),
        )
      },
      message(peer, message) {
        limiters.get(peer)?.accept(message.uint8Array())
      },
      close(peer, event) {
        limiters.get(peer)?.dispose()
        connections.get(peer)?.handleClose({ code: event.code ?? 1005, reason: event.reason ?? '' })
        connections.delete(peer)
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
    void ws.handleUpgrade(request, socket, head)
  })

  return {
    stopAccepting() {
      accepting = false
    },
    closeAll() {
      ws.closeAll(GOING_AWAY, 'server shutting down')
    },
  }
}

function isYWebsocketPath(path: string): boolean {
  return path.startsWith(`${Y_WEBSOCKET_PATH}/`)
}
