// What thin clients send and read of the Hocuspocus protocol: a document-name prefix, a message
// type, then y-protocols sync or awareness payloads (lib0 encoding). The auth and update frame
// encoders are the test kit's.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
export { authFrame, updateFrame } from '@concord/test-kit/frames'

/** Hocuspocus message types (after the document name). */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, syncStatus: 8 } as const
/** y-protocols sync message types. */
export const SYNC = { step1: 0, step2: 1, update: 2 } as const

/** Sync step 1 with an empty state vector: "send me everything". */
export function syncStep1Frame(documentName: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, MESSAGE.sync)
  encoding.writeVarUint(encoder, SYNC.step1)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()))
  return encoding.toUint8Array(encoder)
}

/** An awareness frame carrying one client's state at `clock` (y-protocols' encoding). */
export function awarenessFrame(documentName: string, clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, JSON.stringify(state))
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, MESSAGE.awareness)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
  return encoding.toUint8Array(encoder)
}

/**
 * A message is identified by its author and clock: a Yjs client id and the clock of its first
 * struct (document updates) or of its awareness state. Packed into one number.
 */
export function messageKey(clientId: number, clock: number): number {
  return clientId * 2 ** 21 + clock
}

export interface FrameSink {
  /** A document update covering clocks [from, from + length) of `clientId`. */
  update(clientId: number, from: number, length: number): void
  awareness(clientId: number, clock: number): void
  /** The server's sync step 2 (the answer to our step 1): the client is synced. */
  synced(): void
}

/** Reads one frame from the server and tells `sink` what it carried (other frames are ignored); returns its message type. */
export function readFrame(frame: Uint8Array, sink: FrameSink): number {
  const decoder = decoding.createDecoder(frame)
  decoding.readVarString(decoder)
  const type = decoding.readVarUint(decoder)
  if (type === MESSAGE.sync) {
    const syncType = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    // The answer to our step 1 carries the whole document: only its arrival matters.
    if (syncType === SYNC.step2) {
      sink.synced()
      return type
    }
    if (syncType !== SYNC.update) return type
    const meta = Y.parseUpdateMeta(payload)
    for (const [clientId, from] of meta.from) {
      const to = meta.to.get(clientId) ?? from
      if (to > from) sink.update(clientId, from, to - from)
    }
  } else if (type === MESSAGE.awareness) {
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    const count = decoding.readVarUint(update)
    for (let index = 0; index < count; index++) {
      const clientId = decoding.readVarUint(update)
      const clock = decoding.readVarUint(update)
      // Skip the state's JSON without decoding it.
      const length = decoding.readVarUint(update)
      update.pos += length
      sink.awareness(clientId, clock)
    }
  }
  return type
}
