import { Hocuspocus, type Extension } from '@hocuspocus/server'
import type { CollabContext } from './context.ts'

/**
 * The embedded sync engine. Every update is made durable by the storage extension's update log
 * before it is acknowledged; Hocuspocus' debounced "store" is only the time-based trigger of a
 * compaction: 10 s after the last change, at least every 60 s of steady editing, and at once
 * when the last client leaves.
 */
export function createHocuspocus(extensions: Extension[]): Hocuspocus<CollabContext> {
  return new Hocuspocus<CollabContext>({
    name: 'concord',
    quiet: true,
    debounce: 10_000,
    maxDebounce: 60_000,
    extensions,
  })
}

/** Whether any document still has a store scheduled, running or waiting for its lock. */
export function hasPendingStores(hocuspocus: Hocuspocus<CollabContext>): boolean {
  for (const document of hocuspocus.documents.values()) {
    const id = `onStoreDocument-${document.name}`
    if (
      hocuspocus.debouncer.isDebounced(id) ||
      hocuspocus.debouncer.isCurrentlyExecuting(id) ||
      document.saveMutex.isLocked()
    ) {
      return true
    }
  }
  return false
}
