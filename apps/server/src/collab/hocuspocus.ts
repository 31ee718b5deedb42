import { Hocuspocus, type Extension } from '@hocuspocus/server'
import type { Logger } from 'pino'
import type { CollabContext } from './context.ts'
import { guardUnawaitedHooks } from './hook-guard.ts'
import { DEFAULT_COMPACTION, type CompactionPolicy } from './storage.ts'

/** Hocuspocus' own bounds on what an unauthenticated socket may hold. */
export interface PreAuthLimits {
  queueBytes: number
  queueMessages: number
  pendingDocuments: number
}

/** 64 KiB holds a provider's handshake frames for each of a dashboard's many team boards. */
export const DEFAULT_PRE_AUTH_LIMITS: PreAuthLimits = { queueBytes: 64 * 1024, queueMessages: 1000, pendingDocuments: 100 }

/**
 * The embedded sync engine. Every update is made durable by the storage extension's update log
 * before it is acknowledged; Hocuspocus' debounced "store" is only the time-based trigger of a
 * compaction (by default 10 s after the last change, at least every 60 s of steady editing),
 * and it runs at once when the last client leaves.
 */
export function createHocuspocus(
  extensions: Extension[],
  log: Logger,
  compaction: CompactionPolicy = DEFAULT_COMPACTION,
  limits: PreAuthLimits = DEFAULT_PRE_AUTH_LIMITS,
): Hocuspocus<CollabContext> {
  return new Hocuspocus<CollabContext>({
    name: 'concord',
    quiet: true,
    debounce: compaction.idleMs,
    maxDebounce: compaction.maxIntervalMs,
    // What one socket may send before its first document is authenticated (the stock 5 MiB per
    // socket let 60 sockets hold 325 MB); beyond it the socket is closed.
    maxUnauthenticatedQueueSize: limits.queueBytes,
    maxUnauthenticatedQueueMessages: limits.queueMessages,
    maxPendingDocuments: limits.pendingDocuments,
    extensions: guardUnawaitedHooks(extensions, log),
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
