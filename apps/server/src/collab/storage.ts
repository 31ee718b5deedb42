import * as Y from 'yjs'
import {
  isTransactionOrigin,
  type afterLoadDocumentPayload,
  type beforeSyncPayload,
  type Document,
  type Extension,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from '@hocuspocus/server'
import type { Logger } from 'pino'
import { BOARD_REFUSAL, parseCollabDocumentName } from '@concord/shared'
import type { ConcordMetrics } from '../metrics.ts'
import type { Storage } from '../storage/types.ts'
import type { CollabRefusal } from './context.ts'
import type { GroupCommit } from './group-commit.ts'
import { loadStoredUpdates } from './stored-updates.ts'

/** When a document's update log is compacted into a snapshot. */
export interface CompactionPolicy {
  /** Once the log holds this many updates. */
  afterUpdates: number
  /** After this long without changes (Hocuspocus' store debounce). */
  idleMs: number
  /** At least this often while changes keep coming (Hocuspocus' maximum debounce). */
  maxIntervalMs: number
}

export const DEFAULT_COMPACTION: CompactionPolicy = { afterUpdates: 500, idleMs: 10_000, maxIntervalMs: 60_000 }

/** Hocuspocus' "reset connection" close code: the provider reconnects. */
const RESET_CONNECTION = 4205

type CompactionReason = 'updates' | 'load' | 'idle' | 'unload'

interface LoadedDocument {
  document: Document
  /** Updates in the stored log (or on their way there) since the last snapshot. */
  logLength: number
  compacting: boolean
}

/**
 * Whether an update must stay out of the log. Updates relayed from other nodes are logged too:
 * a client failing over to this node re-sends edits this copy may already hold through the
 * relay, and those are acknowledged at once (no change, nothing to wait for), so they must be
 * stored here before any acknowledgement, not only at the node that first received them.
 * Duplicates across nodes are harmless (Yjs updates are idempotent) and compaction drops them.
 */
function isUnloggedOrigin(origin: unknown): boolean {
  return isTransactionOrigin(origin) && origin.source === 'local' && origin.skipStoreHooks === true
}

/**
 * Loads board documents (snapshot + update log) and makes every change durable: each update is
 * appended to the write-through log through the group commit, and the log is compacted into a
 * snapshot when it grows long, when the document has been idle a while (Hocuspocus' store
 * debounce), when its last client leaves, and after a load that found a log. Only registered
 * boards load: connecting never creates a document.
 */
export class CollabStorage implements Extension {
  extensionName = 'concord-storage'

  private readonly loaded = new Map<string, LoadedDocument>()

  constructor(
    private readonly storage: Storage,
    private readonly commits: GroupCommit,
    private readonly metrics: ConcordMetrics,
    private readonly log: Logger,
    private readonly compactAfterUpdates = DEFAULT_COMPACTION.afterUpdates,
  ) {
    metrics.gauge('concord_update_log_length', 'Updates in the logs of loaded documents since their last snapshot', () =>
      this.logLength(),
    )
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const boardId = parseCollabDocumentName(documentName)?.boardId ?? null
    if (boardId === null || !(await this.storage.getBoard(boardId))) {
      this.log.warn({ documentName: documentName.slice(0, 80) }, 'refused to load a document that is not a board')
      throw { reason: BOARD_REFUSAL } satisfies CollabRefusal
    }
    const stored = await this.storage.loadDocument(documentName)
    if (stored === null) this.log.warn({ documentName }, 'board has no stored document; starting from an empty one')
    // Updates of an earlier copy of this document that are still waiting for their commit.
    const pending = this.commits.pendingFor(documentName)
    const log = [...(stored?.log ?? []), ...pending]
    const { quarantined } = loadStoredUpdates(document, stored ? [stored.snapshot, ...log] : log)
    if (quarantined.length > 0) await this.quarantine(documentName, quarantined)
    const entry: LoadedDocument = { document, logLength: log.length, compacting: false }
    this.loaded.set(documentName, entry)
    // Subscribed now, after the stored state is applied (so it is not logged again) and before
    // the Redis relay's load hook brings in what other nodes hold. Y.Doc events are synchronous:
    // the update is queued before Hocuspocus sends the sender's acknowledgement.
    document.on('update', (update: Uint8Array, origin: unknown) => {
      if (isUnloggedOrigin(origin)) return
      this.commits.append(documentName, update)
      this.metrics.updates.inc()
      entry.logLength++
      if (entry.logLength >= this.compactAfterUpdates) this.startCompaction(entry, 'updates')
    })
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    const entry = this.loaded.get(documentName)
    if (!entry || entry.document !== document) return
    document.on('destroy', () => {
      this.commits.cancelCompaction(documentName)
      if (this.loaded.get(documentName) === entry) this.loaded.delete(documentName)
    })
    if (entry.logLength > 0) this.startCompaction(entry, 'load')
  }

  /**
   * Refuses sync on a document copy whose updates are not logged. Hocuspocus can hand a new
   * connection a document that its unload destroys a moment later; updates applied there would
   * be acknowledged without being stored. Closing makes the client reconnect to a fresh copy.
   */
  async beforeSync({ documentName, document }: beforeSyncPayload): Promise<void> {
    if (this.loaded.get(documentName)?.document !== document) {
      this.log.warn({ documentName }, 'sync on an unloaded copy of a document: closing the connection')
      throw { code: RESET_CONNECTION, reason: 'document unloaded; reconnect' }
    }
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    const entry = this.loaded.get(documentName)
    if (!entry || entry.document !== document || entry.logLength === 0) return
    // Awaited: Hocuspocus unloads the document only after this resolves, i.e. once committed.
    // (The payload's clientsCount is from the last change, not from now.)
    await this.compact(entry, document.getConnectionsCount() === 0 ? 'unload' : 'idle')
  }

  /**
   * Keeps stored updates that cannot be applied aside (in the settings table, under
   * `quarantine:<document>:<time>:<n>`, base64) for an operator to inspect; the compaction that
   * follows the load drops them from the document's log.
   */
  private async quarantine(documentName: string, updates: Uint8Array[]): Promise<void> {
    const at = Date.now()
    const keys = updates.map((_update, index) => `quarantine:${documentName}:${at}:${index}`)
    for (const [index, update] of updates.entries()) await this.storage.setSetting(keys[index]!, Buffer.from(update).toString('base64'))
    this.metrics.quarantinedUpdates.inc(updates.length)
    this.log.error(
      { documentName, updates: updates.length, bytes: updates.reduce((sum, update) => sum + update.byteLength, 0), keys },
      'stored updates that cannot be applied were quarantined',
    )
  }

  private startCompaction(entry: LoadedDocument, reason: CompactionReason): void {
    if (entry.compacting) return
    entry.compacting = true
    void this.compact(entry, reason).finally(() => {
      entry.compacting = false
    })
  }

  private async compact(entry: LoadedDocument, reason: CompactionReason): Promise<void> {
    const { document } = entry
    let bytes = 0
    let updates = 0
    await this.commits.compact(document.name, () => {
      const state = Y.encodeStateAsUpdate(document)
      bytes = state.byteLength
      updates = entry.logLength
      // Whatever arrives from now on goes to the log after this snapshot.
      entry.logLength = 0
      return state
    })
    this.metrics.compactions.inc({ reason })
    this.log.info({ documentName: document.name, reason, bytes, updates }, 'document compacted')
  }

  private logLength(): number {
    let total = 0
    for (const entry of this.loaded.values()) total += entry.logLength
    return total
  }
}
