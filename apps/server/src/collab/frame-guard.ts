import * as Y from 'yjs'
import type { beforeSyncPayload, connectedPayload, Extension } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { messageYjsSyncStep1 } from 'y-protocols/sync'
import { ConnectionLog } from './connection-log.ts'

/** WebSocket close code for data inconsistent with its message type (RFC 6455). */
const INVALID_PAYLOAD = 1007

const OPEN = 1

/**
 * Makes a malformed frame cost its sender the connection, and nobody else anything.
 *
 * A sync step 1 whose state vector does not decode is refused here (updates are the update
 * validation's). And when Hocuspocus drops a document connection because a frame failed, the whole
 * socket is closed, so the client reconnects and resyncs instead of silently going deaf.
 */
export class FrameGuard implements Extension {
  extensionName = 'concord-frame-guard'

  constructor(private readonly log: Logger) {}

  async beforeSync({ type, payload, documentName, connection }: beforeSyncPayload): Promise<void> {
    // Updates are decoded, tried and refused by the update validation.
    if (type !== messageYjsSyncStep1) return
    try {
      Y.decodeStateVector(payload)
    } catch {
      ConnectionLog.of(connection, this.log).warn({ documentName, socketId: connection.socketId, syncType: type }, 'malformed sync frame: closing the connection')
      throw { code: INVALID_PAYLOAD, reason: 'malformed sync frame' }
    }
  }

  async connected({ connection }: connectedPayload): Promise<void> {
    connection.onClose((_document, event) => {
      // Normal closes (1000, the provider's own) keep the socket; a socket already closing is left alone.
      if (!event || event.code === 1000 || connection.webSocket.readyState !== OPEN) return
      connection.webSocket.close(event.code, event.reason)
    })
  }
}
