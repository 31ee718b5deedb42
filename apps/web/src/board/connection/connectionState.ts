import type { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { react } from 'tldraw'
import { tabOffline } from '../sync/socket.ts'

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline'

export interface ConnectionState {
  status: ConnectionStatus
  /** Local changes the server has not acknowledged yet (`provider.unsyncedChanges`). */
  unsynced: number
  /**
   * Online, yet changes have waited `NOT_SAVED_AFTER_MS` without any acknowledgement: the server
   * cannot store them (it acknowledges only what it has stored).
   */
  notSaved: boolean
  /** Why the server refused this tab's latest change (a board limit), until a change is acknowledged again. */
  refused?: string
}

/** How long changes may wait, online and without a single acknowledgement, before "not saved". */
export const NOT_SAVED_AFTER_MS = 4000

export interface ConnectionFacts {
  /** The provider finished its handshake on the current connection. */
  synced: boolean
  browserOnline: boolean
  /** The user took this tab offline ("Go offline"): nothing is trying to reconnect. */
  wentOffline: boolean
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
  if (!facts.browserOnline || facts.wentOffline) return 'offline'
  if (facts.wasOnline) return facts.failedAttempts < 2 ? 'reconnecting' : 'offline'
  return facts.failedAttempts === 0 ? 'connecting' : 'offline'
}

/** Follows a board's provider and reports its connection state on every change. Returns a stop function. */
export function watchConnection(
  provider: HocuspocusProvider,
  socket: HocuspocusProviderWebsocket,
  onChange: (state: ConnectionState) => void,
): () => void {
  const facts: ConnectionFacts = { synced: false, browserOnline: navigator.onLine, wentOffline: false, wasOnline: false, failedAttempts: 0 }
  let last = ''
  const waiting = waitingForAcknowledgement(() => report())
  const report = () => {
    facts.synced = provider.isSynced && socket.status === 'connected'
    facts.browserOnline = navigator.onLine
    facts.wentOffline = tabOffline.get()
    if (facts.synced) {
      facts.wasOnline = true
      facts.failedAttempts = 0
    }
    const status = connectionStatusOf(facts)
    const unsynced = provider.unsyncedChanges
    const notSaved = waiting.update(status === 'online' ? unsynced : 0)
    const state: ConnectionState = { status, unsynced, notSaved }
    const key = `${state.status}:${state.unsynced}:${state.notSaved}`
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
  const stopFollowingToggle = react('deliberately offline', () => {
    tabOffline.get()
    report()
  })
  return () => {
    stopFollowingToggle()
    waiting.stop()
    provider.off('synced', report)
    provider.off('unsyncedChanges', report)
    provider.off('status', report)
    provider.off('disconnect', onDisconnect)
    window.removeEventListener('online', report)
    window.removeEventListener('offline', report)
  }
}

/**
 * Tracks changes waiting online for the server. `update` takes the current count and says
 * whether they have waited `NOT_SAVED_AFTER_MS` since the last acknowledgement; `onDue` runs
 * when that moment comes without another update.
 */
export function waitingForAcknowledgement(onDue: () => void, now = () => Date.now()) {
  let previous = 0
  let since: number | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const arm = () => {
    clearTimeout(timer)
    timer = setTimeout(onDue, NOT_SAVED_AFTER_MS)
  }
  return {
    update(waitingChanges: number): boolean {
      if (waitingChanges === 0) {
        since = null
        clearTimeout(timer)
      } else if (since === null || waitingChanges < previous) {
        // Waiting starts, or an acknowledgement arrived: the server is storing, start over.
        since = now()
        arm()
      }
      previous = waitingChanges
      return since !== null && now() - since >= NOT_SAVED_AFTER_MS
    },
    stop() {
      clearTimeout(timer)
    },
  }
}

export function describeConnection({ status, unsynced, notSaved, refused }: ConnectionState): string {
  const changes = `${unsynced} ${unsynced === 1 ? 'change' : 'changes'}`
  if (refused && unsynced > 0) return `Not saved · ${refused}`
  switch (status) {
    case 'online':
      if (notSaved) return `Not saved · ${changes} waiting for the server`
      return unsynced === 0 ? 'Online · all changes synced' : `Online · syncing ${changes}`
    case 'connecting':
      return 'Connecting…'
    case 'reconnecting':
      return unsynced === 0 ? 'Reconnecting…' : `Reconnecting · ${changes} not yet synced`
    case 'offline':
      return unsynced === 0 ? 'Offline · no unsynced changes' : `Offline · ${changes} not yet synced`
  }
}

/** A longer explanation for the badge's tooltip, where the short text needs one. */
export function explainConnection(state: ConnectionState): string {
  if (state.refused && state.unsynced > 0) {
    return `The server refused your latest change: ${state.refused}. It stays in this browser but cannot be saved to this board.`
  }
  if (state.status === 'online' && state.notSaved) {
    return (
      'Connected, but the server has not stored your latest changes yet (it may be out of disk space or ' +
      'restarting its database). They are kept in this browser and sent again automatically.'
    )
  }
  return describeConnection(state)
}
