import { Hocuspocus, type Extension } from '@hocuspocus/server'
import type { CollabContext } from './context.ts'

/**
 * The embedded sync engine. Stores run 1 s after the last change and at most 5 s after the
 * first pending one (stock: 2 s / 10 s), narrowing what a crash can lose until the
 * write-through update log lands.
 */
export function createHocuspocus(extensions: Extension[]): Hocuspocus<CollabContext> {
  return new Hocuspocus<CollabContext>({
    name: 'concord',
    quiet: true,
    debounce: 1000,
    maxDebounce: 5000,
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
