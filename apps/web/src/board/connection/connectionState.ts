import type { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline'

export interface ConnectionState {
  status: ConnectionStatus
  /** Local changes the server has not acknowledged yet (`provider.unsyncedChanges`). */
  unsynced: number
}

export interface ConnectionFacts {
  /** The provider finished its handshake on the current connection. */
  synced: boolean
  browserOnline: boolean
  /** The board was online at some point since it was opened. */
  wasOnline: boolean
  /** Connection attempts that closed since the board was last online. */
  failedAttempts: number
}

/**
 * What the user is told. One dropped connection after being online is "reconnecting"; a second
 * failed attempt, or a browser without network, is "offline" until the handshake completes again.
 */
export function connectionStatusOf(facts: ConnectionFacts): ConnectionStatus {
  if (facts.synced) return 'online'
  if (!facts.browserOnline) return 'offline'
  if (facts.wasOnline) return facts.failedAttempts < 2 ? 'reconnecting' : 'offline'
  return facts.failedAttempts === 0 ? 'connecting' : 'offline'
}

/** Follows a board's provider and reports its connection state on every change. Returns a stop function. */
export function watchConnection(
  provider: HocuspocusProvider,
  socket: HocuspocusProviderWebsocket,
  onChange: (state: ConnectionState) => void,
): () => void {
  const facts: ConnectionFacts = { synced: false, browserOnline: navigator.onLine, wasOnline: false, failedAttempts: 0 }
  let last = ''
  const report = () => {
    facts.synced = provider.isSynced && socket.status === 'connected'
    facts.browserOnline = navigator.onLine
    if (facts.synced) {
      facts.wasOnline = true
      facts.failedAttempts = 0
    }
    const state: ConnectionState = { status: connectionStatusOf(facts), unsynced: provider.unsyncedChanges }
    const key = `${state.status}:${state.unsynced}`
    if (key !== last) {
      last = key
      onChange(state)
    }
  }
  const onDisconnect = () => {
    facts.failedAttempts++
    report()
  }
  provider.on('synced', report)
  provider.on('unsyncedChanges', report)
  provider.on('status', report)
  provider.on('disconnect', onDisconnect)
  window.addEventListener('online', report)
  window.addEventListener('offline', report)
  report()
  return () => {
    provider.off('synced', report)
    provider.off('unsyncedChanges', report)
    provider.off('status', report)
    provider.off('disconnect', onDisconnect)
    window.removeEventListener('online', report)
    window.removeEventListener('offline', report)
  }
}

export function describeConnection({ status, unsynced }: ConnectionState): string {
  const changes = `${unsynced} ${unsynced === 1 ? 'change' : 'changes'}`
  switch (status) {
    case 'online':
      return unsynced === 0 ? 'Online · all changes synced' : `Online · syncing ${changes}`
    case 'connecting':
      return 'Connecting…'
    case 'reconnecting':
      return unsynced === 0 ? 'Reconnecting…' : `Reconnecting · ${changes} not yet synced`
    case 'offline':
      return unsynced === 0 ? 'Offline · no unsynced changes' : `Offline · ${changes} not yet synced`
  }
}
