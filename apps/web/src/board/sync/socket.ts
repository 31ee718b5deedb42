import { HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { collabUrl, fetchNodes, NodeFailover } from './nodeFailover.ts'

let socket: HocuspocusProviderWebsocket | null = null

/**
 * The tab's one websocket to the collaboration server, shared by every open board. It starts
 * on this page's origin (one node, or the load balancer); when the server lists other nodes
 * (`GET /api/nodes`), it fails over to them in turn whenever its node goes away.
 */
export function collabSocket(): HocuspocusProviderWebsocket {
  if (!socket) {
    // Retry quickly: a classroom expects the board to come back soon after the network does.
    socket = new HocuspocusProviderWebsocket({
      url: collabUrl(location.origin),
      delay: 500,
      minDelay: 500,
      maxDelay: 5_000,
    })
    const shared = socket
    const failover = new NodeFailover(shared, [])
    void fetchNodes(location.origin).then((nodes) => failover.add(nodes.map(collabUrl)))
    window.addEventListener('online', () => void shared.connect())
  }
  return socket
}
