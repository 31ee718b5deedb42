import type { HocuspocusProvider } from '@hocuspocus/provider'
import * as Y from 'yjs'
import type { BoardSessionFeature } from '../board/sync/sessionFeature.ts'

/** localStorage key of the last state of a board the server is known to hold. */
function storageKey(boardId: string): string {
  return `concord:server-state:${boardId}`
}

/** Least time between two recordings (a snapshot walks the whole document); the latest state is recorded after it. */
const RECORD_INTERVAL_MS = 500

/**
 * Remembers, per board and across reloads, a snapshot of the document as the server last
 * confirmed it: taken whenever the provider is synced with every local change acknowledged.
 * Comparing the local copy with it later tells whether this device holds changes the server
 * never got (e.g. made offline before the link was revoked). Returns a stop function.
 */
function rememberServerState(boardId: string, doc: Y.Doc, provider: HocuspocusProvider): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastRecorded = 0
  const record = () => {
    timer = undefined
    if (!provider.isSynced || provider.unsyncedChanges > 0) return
    lastRecorded = Date.now()
    try {
      localStorage.setItem(storageKey(boardId), toBase64(Y.encodeSnapshot(Y.snapshot(doc))))
    } catch {
      // Storage full or unavailable: the comparison later falls back to "unknown".
    }
  }
  // At once when allowed (the connection may drop right after an acknowledgement), else once the interval is over.
  const schedule = () => {
    if (timer) return
    const wait = lastRecorded + RECORD_INTERVAL_MS - Date.now()
    if (wait <= 0) record()
    else timer = setTimeout(record, wait)
  }
  provider.on('synced', schedule)
  provider.on('unsyncedChanges', schedule)
  doc.on('update', schedule)
  return () => {
    provider.off('synced', schedule)
    provider.off('unsyncedChanges', schedule)
    doc.off('update', schedule)
    if (timer) clearTimeout(timer)
  }
}

/** Remembers the server's state of every open board (see rememberServerState). */
export const serverStateMemory: BoardSessionFeature = (session) => rememberServerState(session.options.boardId, session.doc, session.provider)

/**
 * Whether the local copy holds changes beyond what the server last confirmed: true, false, or
 * null when this device never recorded a confirmed state (or cannot read it).
 */
export function hasChangesBeyondServer(boardId: string, doc: Y.Doc): boolean | null {
  try {
    const saved = localStorage.getItem(storageKey(boardId))
    if (saved === null) return null
    return !Y.snapshotContainsUpdate(Y.decodeSnapshot(fromBase64(saved)), Y.encodeStateAsUpdate(doc))
  } catch {
    return null
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0))
}
