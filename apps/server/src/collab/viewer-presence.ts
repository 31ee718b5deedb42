import type { beforeHandleAwarenessPayload, connectedPayload, Document, Extension, onDisconnectPayload } from '@hocuspocus/server'
import { BOARD_CHANNEL, capabilitiesOf, type AudienceMessage } from '@concord/shared'
import type { CollabContext } from './context.ts'
import { broadcastStateless, sendStateless } from './stateless.ts'

/**
 * Keeps roles that are not shown to others (viewers) out of everyone's presence: their awareness
 * updates are dropped before they reach the document, so a lecture of 200 viewers paints no
 * cursors and relays no awareness traffic. Instead, every connection to the design document is
 * told how many viewers there are (a stateless `audience` message) whenever that number changes.
 */
export class ViewerPresence implements Extension {
  extensionName = 'concord-viewer-presence'

  async beforeHandleAwareness({ context, states }: beforeHandleAwarenessPayload<CollabContext>): Promise<void> {
    if (context && !capabilitiesOf(context.role).showPresence) states.clear()
  }

  async connected({ connection, context }: connectedPayload<CollabContext>): Promise<void> {
    if (context.document !== 'board') return
    if (isHidden(context)) announce(connection.document)
    else sendStateless(connection, audienceMessage(connection.document))
  }

  async onDisconnect({ context, document }: onDisconnectPayload<CollabContext>): Promise<void> {
    if (context?.document === 'board' && isHidden(context)) announce(document)
  }
}

function isHidden(context: CollabContext): boolean {
  return !capabilitiesOf(context.role).showPresence
}

function audienceMessage(document: Document): AudienceMessage {
  const viewers = document.getConnections().filter((connection) => isHidden(connection.context as CollabContext)).length
  return { channel: BOARD_CHANNEL, type: 'audience', viewers }
}

function announce(document: Document): void {
  broadcastStateless(document, audienceMessage(document))
}
