import { MessageType } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync'

/**
 * The one reader of raw Hocuspocus frames: `<var-string document address><var-uint MessageType>`
 * and the message, or, on /yws (`prefixed: false`), the y-websocket form without the address.
 * Message types are Hocuspocus' `MessageType` and y-protocols' sync types (`messageYjsSyncStep1`,
 * ...); only Auth answers need a table here.
 *
 * Hocuspocus internals Concord replaces or reads (each follows @hocuspocus/server 4.7.0; check
 * them when upgrading it):
 * - the frame format above, read here and written by `y-websocket.ts` (auth frame, address
 *   prefix) and `fault-injection.ts` (empty awareness keepalive);
 * - `Connection.send`, wrapped by `outgoing-queue.ts` (every frame to a document connection);
 * - `Connection.handleMessage`, wrapped by `fault-injection.ts` (every frame from one);
 * - `MessageReceiver.prototype.readSyncMessage`, whose sync step 1 branch `sync-state-cache.ts`
 *   replaces (it follows 4.7's `readSyncMessage`: `beforeSync`, step 2 into the reply, own step 1);
 * - `Document.broadcastAwarenessUpdate` (private), replaced per document by `presence-batching.ts`
 *   (called with the clients whose awareness changed), and `Redis.onAwarenessUpdate`, batched by
 *   `redis-relay.ts`;
 * - `WebSocketLike` and `Hocuspocus.handleConnection`, behind which `y-websocket.ts` runs a /yws
 *   socket as an ordinary connection;
 * - the socket before Hocuspocus: `frame-limits.ts` (client frames by type and address) and
 *   `socket-budget.ts` (Auth answers in server frames), in `websocket.ts`;
 * - the hooks Hocuspocus does not await, wrapped by `hook-guard.ts`.
 */

/** `AuthMessageType` of @hocuspocus/common (which the server package uses but does not export). */
export const AuthMessageType = { Token: 0, PermissionDenied: 1, Authenticated: 2 } as const

/** Where a frame's parts are: the address bytes (empty when not prefixed), its type, and the message after the type. */
export interface FrameHeader {
  addressStart: number
  addressEnd: number
  type: number
  bodyStart: number
}

/** Position after the last `readVarUintAt`; module state, so reading a header allocates nothing. */
let cursor = 0

/** A var-uint (lib0's encoding) at `pos`, or -1 when the frame ends inside it or it exceeds 2^53. */
function readVarUintAt(frame: Uint8Array, pos: number): number {
  let value = 0
  let multiplier = 1
  for (let index = pos; index < frame.length; index++) {
    const byte = frame[index]!
    value += (byte & 0x7f) * multiplier
    if (byte < 0x80) {
      cursor = index + 1
      return value
    }
    multiplier *= 128
    if (multiplier > Number.MAX_SAFE_INTEGER) return -1
  }
  return -1
}

/** Skips the address of a prefixed frame; its end, or -1 when the frame is shorter. */
function addressEnd(frame: Uint8Array, prefixed: boolean): number {
  if (!prefixed) return 0
  const length = readVarUintAt(frame, 0)
  if (length < 0 || cursor + length > frame.length) return -1
  return cursor + length
}

/**
 * The message type of a frame, or -1 when it has none. Reads two var-uints and allocates nothing:
 * it runs for every frame to and from every connection (decoding the address, as lib0's
 * `readVarString` does, was 13% of the send path at N=500).
 */
export function messageTypeOf(frame: Uint8Array, prefixed = true): number {
  const end = addressEnd(frame, prefixed)
  return end < 0 ? -1 : readVarUintAt(frame, end)
}

/** The last frame `broadcastTypeOf` read, and its type. */
let lastFrame: Uint8Array | undefined
let lastType = -1

/**
 * `messageTypeOf` for a frame on its way to clients, read once per frame instead of once per
 * socket: a broadcast writes the same buffer to every connection in a row, and frames are never
 * changed once sent. Leaves the module's read position alone (`authAnswerOf` needs its own read).
 */
export function broadcastTypeOf(frame: Uint8Array): number {
  if (frame !== lastFrame) {
    const saved = cursor
    lastType = messageTypeOf(frame)
    lastFrame = frame
    cursor = saved
  }
  return lastType
}

/** A frame's header, or null when it has none. */
export function readFrameHeader(frame: Uint8Array, prefixed = true): FrameHeader | null {
  const end = addressEnd(frame, prefixed)
  if (end < 0) return null
  // `addressEnd` left the cursor after the address length, where the address starts.
  const addressStart = prefixed ? cursor : 0
  const type = readVarUintAt(frame, end)
  return type < 0 ? null : { addressStart, addressEnd: end, type, bodyStart: cursor }
}

/** The `AuthMessageType` of an Auth frame (prefixed), or null for any other frame. */
export function authAnswerOf(frame: Uint8Array): number | null {
  if (messageTypeOf(frame) !== MessageType.Auth) return null
  const answer = readVarUintAt(frame, cursor)
  return answer < 0 ? null : answer
}

/** The sync message type and update of a (prefixed) sync step 2 or update frame; null for any other frame. */
export function readSyncUpdate(frame: Uint8Array): { syncType: number; update: Uint8Array } | null {
  if (messageTypeOf(frame) !== MessageType.Sync) return null
  const syncType = readVarUintAt(frame, cursor)
  if (syncType !== messageYjsSyncStep2 && syncType !== messageYjsUpdate) return null
  try {
    const decoder = decoding.createDecoder(frame)
    decoder.pos = cursor
    return { syncType, update: decoding.readVarUint8Array(decoder) }
  } catch {
    return null
  }
}
