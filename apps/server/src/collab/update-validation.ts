import * as Y from 'yjs'
import {
  isTransactionOrigin,
  type afterLoadDocumentPayload,
  type beforeSyncPayload,
  type Connection,
  type Document,
  type Extension,
  type onStoreDocumentPayload,
} from '@hocuspocus/server'
import type { Logger } from 'pino'
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync'
import { RECORDS_KEY, UPDATE_REFUSED } from '@concord/shared'
import type { ConcordMetrics } from '../metrics.ts'
import { DEFAULT_DOCUMENT_LIMITS, SYNC_STEP_ALLOWANCE, type DocumentLimits } from './document-limits.ts'
import { ConnectionLog } from './connection-log.ts'
import { inspectUpdate } from './update-inspection.ts'

/** WebSocket close code for data inconsistent with its message type (RFC 6455). */
export const INVALID_PAYLOAD = 1007
/** Close code for an update refused by a limit; the client shows the reason. */
export const LIMIT_EXCEEDED = 4413

/** What the extension keeps per loaded document. */
interface Shadow {
  /** A copy of the document that every client update is tried on before the real one. */
  doc: Y.Doc
  /** Estimated stored size: the encoded size at load (or last store) plus the updates accepted since. */
  bytes: number
}

/**
 * Validate before apply: every client update (sync step 2 and update frames, on /collab and /yws,
 * for board and review documents) is first applied to a shadow copy of the document. An update
 * that does not decode, throws while applying, refers to operations nobody has (an update
 * frame whose structs would sit in Yjs' pending store, never stored), or breaks a structural
 * limit is refused: the sender's socket is closed with the reason, and
 * the real document, the log and the other clients never see it. A failed try may leave the
 * shadow half-applied, so it is rebuilt from the real document (the cost lands on the attacker's
 * attempt, not on every update).
 *
 * The shadow follows every other change of the document (server writes, other nodes through
 * Redis) through the document's update events; updates from client connections are already in it.
 */
export class UpdateValidation implements Extension {
  extensionName = 'concord-update-validation'

  private readonly shadows = new Map<Document, Shadow>()

  constructor(
    private readonly log: Logger,
    private readonly metrics: ConcordMetrics,
    private readonly limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
  ) {}

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    if (this.shadows.has(document)) return
    this.shadowOf(document)
    document.on('update', (update: Uint8Array, origin: unknown) => {
      if (isTransactionOrigin(origin) && origin.source === 'connection') return
      try {
        Y.applyUpdate(this.shadowOf(document).doc, update)
      } catch {
        this.rebuild(document)
      }
    })
    document.on('destroy', () => {
      this.shadows.get(document)?.doc.destroy()
      this.shadows.delete(document)
    })
  }

  async onStoreDocument({ document }: onStoreDocumentPayload): Promise<void> {
    const shadow = this.shadows.get(document)
    // Compaction drops overwritten history: measure again what the document really takes.
    if (shadow) shadow.bytes = Y.encodeStateAsUpdate(shadow.doc).byteLength
  }

  async beforeSync({ type, payload, connection, document }: beforeSyncPayload): Promise<void> {
    if (type !== messageYjsSyncStep2 && type !== messageYjsUpdate) return
    const maxStructs = this.limits.maxStructsPerUpdate * (type === messageYjsUpdate ? 1 : SYNC_STEP_ALLOWANCE)
    const problem = inspectUpdate(payload, this.limits, maxStructs)
    if (problem) this.refuse(connection, 'malformed' in problem ? INVALID_PAYLOAD : LIMIT_EXCEEDED, 'malformed' in problem ? problem.malformed : problem.limit)
    // Read-only connections' updates are never applied (Hocuspocus answers them "not saved").
    if (connection.readOnly) return
    const shadow = this.shadowOf(document)
    if (shadow.bytes + payload.byteLength > this.limits.maxDocumentBytes) {
      this.refuse(connection, LIMIT_EXCEEDED, `board is full: documents are limited to ${formatBytes(this.limits.maxDocumentBytes)}`)
    }
    const outcome = this.tryOn(shadow.doc, payload, type === messageYjsUpdate)
    if (outcome !== null) {
      this.rebuild(document)
      this.refuse(connection, outcome.code, outcome.reason)
    }
    shadow.bytes += payload.byteLength
  }

  /** Applies an update to the shadow and checks the result; null when it may go to the real document. */
  private tryOn(doc: Y.Doc, update: Uint8Array, mustBeComplete: boolean): { code: number; reason: string } | null {
    const pendingBefore = pendingSize(doc)
    let changed: Set<Y.AbstractType<unknown>> = new Set()
    const collect = (transaction: Y.Transaction) => {
      changed = touchedTypes(transaction)
    }
    doc.on('afterTransaction', collect)
    try {
      // y-protocols would log and swallow; here a throw means refusal.
      Y.applyUpdate(doc, update)
    } catch {
      return { code: INVALID_PAYLOAD, reason: 'update cannot be applied' }
    } finally {
      doc.off('afterTransaction', collect)
    }
    if (mustBeComplete && pendingSize(doc) > pendingBefore) {
      return { code: INVALID_PAYLOAD, reason: 'update refers to operations the server does not have' }
    }
    for (const type of changed) {
      const problem = this.typeProblem(type)
      if (problem) return { code: LIMIT_EXCEEDED, reason: problem }
    }
    return null
  }

  /** Depth and size of one type the update changed; walks up its parents, at most `maxDepth` steps. */
  private typeProblem(type: Y.AbstractType<unknown>): string | null {
    let depth = 0
    for (let item = type._item; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) {
      if (++depth > this.limits.maxDepth) return `maps and arrays nest deeper than ${this.limits.maxDepth} levels`
      if (!(item.parent instanceof Y.AbstractType)) break
    }
    const isRecords = type._item === null && type.doc?.share.get(RECORDS_KEY) === type
    const limit = isRecords ? this.limits.maxRecords : this.limits.maxEntries
    // `_map` keeps deleted keys too: count live ones only when the cheap bound is passed.
    const entries = type._length + (type._map.size > limit ? liveKeys(type._map) : 0)
    if (entries > limit) return isRecords ? `board holds more than ${limit} records` : `a map or array holds more than ${limit} entries`
    return null
  }

  private shadowOf(document: Document): Shadow {
    let shadow = this.shadows.get(document)
    if (!shadow) {
      const state = Y.encodeStateAsUpdate(document)
      const doc = new Y.Doc({ gc: document.gc })
      Y.applyUpdate(doc, state)
      shadow = { doc, bytes: state.byteLength }
      this.shadows.set(document, shadow)
    }
    return shadow
  }

  private rebuild(document: Document): void {
    const shadow = this.shadows.get(document)
    if (!shadow) return
    shadow.doc.destroy()
    this.shadows.delete(document)
    const bytes = shadow.bytes
    this.shadowOf(document).bytes = bytes
  }

  private refuse(connection: Connection, code: number, reason: string): never {
    this.metrics.refusedUpdates.inc({ reason: code === INVALID_PAYLOAD ? 'invalid' : 'limit' })
    ConnectionLog.of(connection, this.log).warn({ documentName: connection.document.name, code, reason }, 'update refused: closing the connection')
    throw { code, reason: `${UPDATE_REFUSED}${reason}` }
  }
}

/**
 * The types a transaction changed or created: Yjs lists only types that existed before it in
 * `changed`, so the types it inserted are found among its new structs.
 */
function touchedTypes(transaction: Y.Transaction): Set<Y.AbstractType<unknown>> {
  const types = new Set(transaction.changed.keys() as Iterable<Y.AbstractType<unknown>>)
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    const structs = transaction.doc.store.clients.get(client)
    if (!structs) continue
    for (let index = Y.findIndexSS(structs, before); index < structs.length && structs[index]!.id.clock < after; index++) {
      const struct = structs[index]
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) types.add(struct.content.type as Y.AbstractType<unknown>)
    }
  }
  return types
}

function liveKeys(map: Map<string, Y.Item>): number {
  let count = 0
  for (const item of map.values()) if (!item.deleted) count++
  return count
}

function pendingSize(doc: Y.Doc): number {
  const { pendingStructs, pendingDs } = doc.store
  return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0)
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`
}
