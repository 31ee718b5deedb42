import type { Server as HttpServer } from 'node:http'
import crossws from 'crossws/adapters/node'
import type { Hocuspocus, WebSocketLike } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { MAX_FRAME_BYTES } from '@concord/shared'

export const COLLAB_PATH = '/collab'

/** Close code sent to open sockets when the server shuts down ("going away"). */
const GOING_AWAY = 1001

export interface CollabWebSocket {
  /** Refuses new upgrades; open sockets stay until `closeAll`. */
  stopAccepting(): void
  closeAll(): void
}

/**
 * Serves the Hocuspocus protocol on `/collab` of our own HTTP server (crossws' Node adapter),
 * so one port carries the API, the web app and the websocket. Every other upgrade is refused.
 */
export function attachCollabWebSocket(server: HttpServer, hocuspocus: Hocuspocus, log: Logger): CollabWebSocket {
  const connections = new WeakMap<object, ReturnType<Hocuspocus['handleConnection']>>()
  let accepting = true

  const ws = crossws({
    // ws' default maxPayload is 100 MiB; a larger frame closes the socket with 1009.
    serverOptions: { maxPayload: MAX_FRAME_BYTES },
    hooks: {
      open(peer) {
        const connection = hocuspocus.handleConnection(
          peer.websocket as unknown as WebSocketLike,
          peer.request as Request,
        )
        connections.set(peer, connection)
      },
      message(peer, message) {
        connections.get(peer)?.handleMessage(message.uint8Array())
      },
      close(peer, event) {
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
    if (!accepting || path !== COLLAB_PATH) {
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
