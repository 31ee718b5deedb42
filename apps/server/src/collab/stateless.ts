import type { Connection, Document } from '@hocuspocus/server'
import type { StatelessServerMessage } from '@concord/shared'

/** Sends a stateless message to one connection, or to several (encoded once). */
export function sendStateless(to: Connection | Iterable<Connection>, message: StatelessServerMessage): void {
  const text = JSON.stringify(message)
  if (Symbol.iterator in to) for (const connection of to) connection.sendStateless(text)
  else to.sendStateless(text)
}

/**
 * Sends a stateless message to every connection of a document through Hocuspocus' broadcast,
 * which the Redis extension carries to the document's connections on other nodes too.
 */
export function broadcastStateless(document: Document | undefined, message: StatelessServerMessage): void {
  document?.broadcastStateless(JSON.stringify(message))
}
