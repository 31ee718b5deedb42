import { HocuspocusProviderWebsocket } from '@hocuspocus/provider'

let socket: HocuspocusProviderWebsocket | null = null

/** The tab's one websocket to the collaboration server, shared by every open board. */
export function collabSocket(): HocuspocusProviderWebsocket {
  if (!socket) {
    const protocol = location.protocol === 'https:' ? 'wss' : 'ws'
    // Retry quickly: a classroom expects the board to come back soon after the network does.
    socket = new HocuspocusProviderWebsocket({
      url: `${protocol}://${location.host}/collab`,
      delay: 500,
      minDelay: 500,
      maxDelay: 5_000,
    })
    const shared = socket
    window.addEventListener('online', () => void shared.connect())
  }
  return socket
}
