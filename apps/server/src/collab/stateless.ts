import { OutgoingMessage, type Connection, type Document } from '@hocuspocus/server'
import type { StatelessServerMessage } from '@concord/shared'

/**
 * Sends a stateless message to one connection, or to several: encoded once per message address
 * (as Hocuspocus' own broadcast does), the same frame written to each.
 */
export function sendStateless(to: Connection | Iterable<Connection>, message: StatelessServerMessage): void {
  const text = JSON.stringify(message)
  if (!(Symbol.iterator in to)) return to.sendStateless(text)
  const frames = new Map<string, Uint8Array>()
  for (const connection of to) {
    const address = connection.messageAddress
    let frame = frames.get(address)
    if (!frame) {
      frame = new OutgoingMessage(address).writeStateless(text).toUint8Array()
      frames.set(address, frame)
    }
    connection.send(frame)
  }
}

/**
 * Sends a stateless message to every connection of a document through Hocuspocus' broadcast,
 * which the Redis extension carries to the document's connections on other nodes too.
 */
export function broadcastStateless(document: Document | undefined, message: StatelessServerMessage): void {
  document?.broadcastStateless(JSON.stringify(message))
}
