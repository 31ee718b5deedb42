import { HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { atom } from 'tldraw'

let socket: HocuspocusProviderWebsocket | null = null

/** Set while the user has taken this tab offline on purpose (the simplest replication demonstration). */
export const tabOffline = atom('tab offline', false)

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
    window.addEventListener('online', () => {
      if (!tabOffline.get()) void shared.connect()
    })
  }
  return socket
}

/** Takes this tab off the network or brings it back; edits go on locally meanwhile and merge on return. */
export function setTabOffline(offline: boolean): void {
  tabOffline.set(offline)
  if (offline) collabSocket().disconnect()
  else void collabSocket().connect()
}
