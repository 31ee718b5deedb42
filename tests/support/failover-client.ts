import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { boardDocumentName } from '@concord/shared'
import { waitFor } from '@concord/test-kit/wait'
import * as Y from 'yjs'
import { collabUrl, NodeFailover } from '../../apps/web/src/board/sync/nodeFailover.ts'

/**
 * A headless client that fails over between `nodes` (base URLs, the first one used first) the
 * way the web app does (`NodeFailover`). `destroy()` closes the provider and its websocket.
 */
export async function connectWithFailover(nodes: string[], boardId: string, token: string) {
  const socket = new HocuspocusProviderWebsocket({ url: collabUrl(nodes[0]!), delay: 200, minDelay: 200, maxDelay: 1000 })
  const failover = new NodeFailover(socket, nodes.map(collabUrl))
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: boardDocumentName(boardId),
    token,
    document: new Y.Doc(),
  })
  provider.attach()
  await waitFor(() => provider.isSynced, { timeoutMs: 15_000, what: 'the failover client to sync' })
  return {
    provider,
    socket,
    /** The websocket URL the client uses now. */
    current: () => failover.nodes[0],
    destroy() {
      provider.destroy()
      socket.destroy()
    },
  }
}
