import { Hocuspocus, type Extension } from '@hocuspocus/server'
import type { CollabContext } from './context.ts'
import { DEFAULT_COMPACTION, type CompactionPolicy } from './storage.ts'

/**
 * The embedded sync engine. Every update is made durable by the storage extension's update log
 * before it is acknowledged; Hocuspocus' debounced "store" is only the time-based trigger of a
 * compaction (by default 10 s after the last change, at least every 60 s of steady editing),
 * and it runs at once when the last client leaves.
 */
export function createHocuspocus(
  extensions: Extension[],
  compaction: CompactionPolicy = DEFAULT_COMPACTION,
): Hocuspocus<CollabContext> {
  return new Hocuspocus<CollabContext>({
    name: 'concord',
    quiet: true,
    debounce: compaction.idleMs,
    maxDebounce: compaction.maxIntervalMs,
    extensions,
  })
}

/** Whether any document still has a store (a compaction) scheduled, running or waiting for its lock. */
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
