// Hocuspocus frames written and read by hand, as an attacker's script or a thin bench client
// would: the document name, Hocuspocus' message type, then the type's payload (lib0 encoding).
import { MessageType } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync'

/** Hocuspocus' auth subtypes (`AuthMessageType` in @hocuspocus/common). */
const AUTH_TOKEN = 0
const AUTH_PERMISSION_DENIED = 1
const AUTH_AUTHENTICATED = 2

function frame(documentName: string, type: MessageType, write: (encoder: encoding.Encoder) => void): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>
}

/**
 * A Hocuspocus Auth frame presenting `token`, as a provider sends it first for a document; a
 * test may give it another auth subtype, as no provider would.
 */
export function authFrame(documentName: string, token: string, authType = AUTH_TOKEN): Uint8Array<ArrayBuffer> {
  return frame(documentName, MessageType.Auth, (encoder) => {
    encoding.writeVarUint(encoder, authType)
    encoding.writeVarString(encoder, token)
  })
}

function syncFrame(documentName: string, syncType: number, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  return frame(documentName, MessageType.Sync, (encoder) => {
    encoding.writeVarUint(encoder, syncType)
    encoding.writeVarUint8Array(encoder, payload)
  })
}

/** A sync "update" frame whose Yjs payload is `payload`, however malformed. */
export function updateFrame(documentName: string, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  return syncFrame(documentName, messageYjsUpdate, payload)
}

/** A sync step 2 frame (the answer to a state vector) carrying `payload`. */
export function syncStep2Frame(documentName: string, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  return syncFrame(documentName, messageYjsSyncStep2, payload)
}

/** A sync step 1 frame carrying `bytes` of filler: what Hocuspocus queues until the document is authenticated. */
export function fillerFrame(documentName: string, bytes: number): Uint8Array<ArrayBuffer> {
  return syncFrame(documentName, messageYjsSyncStep1, new Uint8Array(bytes))
}

/** A Hocuspocus stateless frame carrying `payload`. */
export function statelessFrame(documentName: string, payload: string): Uint8Array<ArrayBuffer> {
  return frame(documentName, MessageType.Stateless, (encoder) => encoding.writeVarString(encoder, payload))
}

/** A frame of any message `type` (known or not) with `write` filling its body. */
export function customFrame(documentName: string, type: number, write: (encoder: encoding.Encoder) => void): Uint8Array<ArrayBuffer> {
  return frame(documentName, type, write)
}

/** The document a frame is for and a decoder at its message type. */
function open(frame: Uint8Array): { documentName: string; type: number; decoder: decoding.Decoder } {
  const decoder = decoding.createDecoder(frame)
  const documentName = decoding.readVarString(decoder)
  return { documentName, type: decoding.readVarUint(decoder), decoder }
}

/** The payload of a stateless frame from the server, or null for any other frame. */
export function statelessPayload(frame: Uint8Array): string | null {
  const { type, decoder } = open(frame)
  return type === MessageType.Stateless ? decoding.readVarString(decoder) : null
}

/** Whether a frame from the server is an Auth "permission denied" answer. */
export function isPermissionDenied(frame: Uint8Array): boolean {
  const { type, decoder } = open(frame)
  return type === MessageType.Auth && decoding.readVarUint(decoder) === AUTH_PERMISSION_DENIED
}

/** A SyncStatus (acknowledgement) frame's answer, true = applied; null for any other frame. */
export function syncStatus(frame: Uint8Array, documentName?: string): boolean | null {
  const { documentName: name, type, decoder } = open(frame)
  if (type !== MessageType.SyncStatus || (documentName !== undefined && name !== documentName)) return null
  return decoding.readVarInt(decoder) === 1
}

/** What a raw socket received so far. */
export interface Inbox {
  received: Uint8Array[]
}

/** The answers of the SyncStatus frames an inbox holds (for one document, or all), in order. */
export function syncStatuses(inbox: Inbox, documentName?: string): boolean[] {
  return inbox.received.flatMap((frame) => {
    const status = syncStatus(frame, documentName)
    return status === null ? [] : [status]
  })
}

/** The scope of the first Authenticated frame an inbox holds for a document, or null before it. */
export function authenticatedScope(inbox: Inbox, documentName: string): string | null {
  for (const frame of inbox.received) {
    const { documentName: name, type, decoder } = open(frame)
    if (name !== documentName || type !== MessageType.Auth) continue
    if (decoding.readVarUint(decoder) === AUTH_AUTHENTICATED) return decoding.readVarString(decoder)
  }
  return null
}
