import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import {
  MessageReceiver,
  OutgoingMessage,
  type afterLoadDocumentPayload,
  type Document,
  type Extension,
} from '@hocuspocus/server'
import type { Counter } from 'prom-client'
import { messageYjsSyncStep1, messageYjsSyncStep2 } from 'y-protocols/sync'

/** The state vector of a replica that has nothing: one varint, zero clients. */
const EMPTY_STATE_VECTOR_LENGTH = 1

/**
 * Encodes a board's whole state once per version, not once per joiner.
 *
 * Every client that opens a board it has never seen sends an empty state vector, and Hocuspocus
 * answers each with `Y.encodeStateAsUpdate` of the whole document: about 10 ms of CPU for a board
 * of 2,000 shapes, so a class of 200 joining at once queues seconds of identical work on the
 * event loop. This keeps the last full encoding of each document until the document changes and
 * answers empty state vectors from it. Replicas that already have part of the board get their
 * diff computed as before.
 *
 * Hocuspocus has no hook to answer a sync step 1, so the step-1 branch of its `MessageReceiver`
 * is replaced (once per process, for the documents this extension caches); every other message
 * takes Hocuspocus' own path. The replacement follows @hocuspocus/server 4.7's `readSyncMessage`:
 * `beforeSync` first, the step 2 written into the reply, then the server's own step 1.
 */
export class SyncStateCache implements Extension {
  extensionName = 'concord-sync-state-cache'

  constructor(private readonly hits: Counter) {
    installStepOneAnswer()
  }

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    const entry: CacheEntry = { fullState: null, hits: this.hits }
    document.on('update', () => {
      entry.fullState = null
    })
    // Weakly held: the entry goes with its document when Hocuspocus unloads it.
    cached.set(document, entry)
  }
}

interface CacheEntry {
  /** `Y.encodeStateAsUpdate(document)` as of the document's last change, once someone asked. */
  fullState: Uint8Array | null
  hits: Counter
}

const cached = new WeakMap<Document, CacheEntry>()

/** The update a replica with `stateVector` is missing: from the cache when it has nothing. */
function missingUpdate(document: Document, stateVector: Uint8Array): Uint8Array {
  const entry = cached.get(document)
  // Updates still waiting for their dependencies change no state, so no 'update' event clears the cache.
  const pending = document.store.pendingStructs !== null || document.store.pendingDs !== null
  if (!entry || pending || stateVector.byteLength !== EMPTY_STATE_VECTOR_LENGTH) return Y.encodeStateAsUpdate(document, stateVector)
  if (entry.fullState) entry.hits.inc()
  else entry.fullState = Y.encodeStateAsUpdate(document)
  return entry.fullState
}

let installed = false

function installStepOneAnswer(): void {
  if (installed) return
  installed = true
  const hocuspocusReadSyncMessage = MessageReceiver.prototype.readSyncMessage
  MessageReceiver.prototype.readSyncMessage = async function (message, document, connection, reply, requestFirstSync = true) {
    const start = message.decoder.pos
    if (!cached.has(document) || message.readVarUint() !== messageYjsSyncStep1) {
      message.decoder.pos = start
      return hocuspocusReadSyncMessage.call(this, message, document, connection, reply, requestFirstSync)
    }
    const messageAddress = connection?.messageAddress ?? document.name
    if (connection) await connection.callbacks.beforeSync(connection, { type: messageYjsSyncStep1, payload: message.peekVarUint8Array() })
    const stateVector = message.readVarUint8Array()
    encoding.writeVarUint(message.encoder, messageYjsSyncStep2)
    encoding.writeVarUint8Array(message.encoder, missingUpdate(document, stateVector))
    if (reply && requestFirstSync) {
      reply(new OutgoingMessage(messageAddress).createSyncReplyMessage().writeFirstSyncStepFor(document).toUint8Array())
    } else if (connection) {
      connection.send(new OutgoingMessage(messageAddress).createSyncMessage().writeFirstSyncStepFor(document).toUint8Array())
    }
    return messageYjsSyncStep1
  }
}
