import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import type * as Y from 'yjs'
import { atom } from 'tldraw'
import { collabUrl, fetchNodes, NodeFailover } from './nodeFailover.ts'

let socket: HocuspocusProviderWebsocket | null = null

/** Set while the user has taken this tab offline on purpose (the simplest replication demonstration). */
export const tabOffline = atom('tab offline', false)

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
    window.addEventListener('online', () => {
      if (!tabOffline.get()) void shared.connect()
    })
  }
  return socket
}

/**
 * A provider for one document on the tab's shared socket, to `attach()` once its listeners are
 * on. Each is session-aware: its frames carry its own session id, so a document closed and opened
 * again at once on this socket (the session dashboard's watch of a team board, then that board)
 * is a new connection on the server. With plain names, the server handed the new provider's
 * authentication to the old connection, still closing, and the board never synced.
 */
export function providerOnTabSocket(options: { name: string; token: string; document: Y.Doc; withAwareness: boolean }): HocuspocusProvider {
  return new HocuspocusProvider({
    websocketProvider: collabSocket(),
    sessionAwareness: true,
    name: options.name,
    token: options.token,
    document: options.document,
    ...(options.withAwareness ? {} : { awareness: null }),
  })
}

/** Takes this tab off the network or brings it back; edits go on locally meanwhile and merge on return. */
export function setTabOffline(offline: boolean): void {
  tabOffline.set(offline)
  if (offline) collabSocket().disconnect()
  else void collabSocket().connect()
}
