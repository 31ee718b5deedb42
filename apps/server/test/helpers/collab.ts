import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { HocuspocusProvider } from '@hocuspocus/provider'
import * as Y from 'yjs'
import { boardDocumentName, reviewDocumentName } from '@concord/shared'
import { waitFor } from './wait.ts'

export interface TestClient {
  provider: HocuspocusProvider
  doc: Y.Doc
  /** Set when the server refused the connection. */
  refusal: string | null
  /** Updates the server answered with "not applied" (read-only connections). */
  refusedUpdates: number
  destroy(): void
}

export function collabUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/collab`
}

/** A HocuspocusProvider on `board:<id>`, as the web app opens it. */
export function openBoard(httpUrl: string, boardId: string, token: string): TestClient {
  return openDocument(httpUrl, boardDocumentName(boardId), token)
}

/** A HocuspocusProvider on `review:<id>`, the board's review document. */
export function openReview(httpUrl: string, boardId: string, token: string): TestClient {
  return openDocument(httpUrl, reviewDocumentName(boardId), token)
}

export function openDocument(httpUrl: string, documentName: string, token: string): TestClient {
  const doc = new Y.Doc()
  const client: TestClient = {
    doc,
    refusal: null,
    refusedUpdates: 0,
    provider: new HocuspocusProvider({
      url: collabUrl(httpUrl),
      name: documentName,
      document: doc,
      token,
      onAuthenticationFailed: ({ reason }) => {
        client.refusal = reason
      },
    }),
    destroy() {
      client.provider.destroy()
      doc.destroy()
    },
  }
  client.provider.on('message', ({ event }: { event: MessageEvent }) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer))
    decoding.readVarString(decoder)
    if (decoding.readVarUint(decoder) === 8 && decoding.readVarInt(decoder) === 0) client.refusedUpdates++ // SyncStatus
  })
  return client
}

export async function synced(client: TestClient): Promise<void> {
  await waitFor(() => client.provider.isSynced, { what: 'the provider to sync' })
}

/** Waits until the server has acknowledged every local change of the client. */
export async function acknowledged(client: TestClient): Promise<void> {
  await waitFor(() => client.provider.unsyncedChanges === 0, { what: 'the server to acknowledge all changes' })
}

/** A Hocuspocus Auth frame, as a provider sends it first for a document. */
export function authFrame(documentName: string, token: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, 2) // MessageType.Auth
  encoding.writeVarUint(encoder, 0) // AuthMessageType.Token
  encoding.writeVarString(encoder, token)
  return encoding.toUint8Array(encoder)
}

/** A sync "update" frame whose Yjs payload is `payload`, however malformed. */
export function updateFrame(documentName: string, payload: Uint8Array): Uint8Array {
  return syncFrame(documentName, 2, payload) // y-protocols messageYjsUpdate
}

/** A sync step 2 frame (the answer to a state vector) carrying `payload`. */
export function syncStep2Frame(documentName: string, payload: Uint8Array): Uint8Array {
  return syncFrame(documentName, 1, payload) // y-protocols messageYjsSyncStep2
}

function syncFrame(documentName: string, syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, 0) // MessageType.Sync
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** The answers of SyncStatus frames (8) the server sent a raw socket for a document: true = applied. */
export function syncStatuses(raw: RawSocket, documentName: string): boolean[] {
  const statuses: boolean[] = []
  for (const frame of raw.received) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarString(decoder) !== documentName || decoding.readVarUint(decoder) !== 8) continue
    statuses.push(decoding.readVarInt(decoder) === 1)
  }
  return statuses
}

/** The scope of the Authenticated frame the server sent a raw socket for a document, once it has. */
export function authenticatedScope(raw: RawSocket, documentName: string): string | null {
  for (const frame of raw.received) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarString(decoder) !== documentName || decoding.readVarUint(decoder) !== 2) continue
    if (decoding.readVarUint(decoder) === 2) return decoding.readVarString(decoder) // AuthMessageType.Authenticated
  }
  return null
}

export interface RawSocket {
  socket: WebSocket
  received: Uint8Array[]
  closed: Promise<{ code: number; reason: string }>
  isClosed(): boolean
}

/** A bare websocket on /collab, for sending frames no provider would. */
export async function openRawSocket(httpUrl: string): Promise<RawSocket> {
  const socket = new WebSocket(collabUrl(httpUrl))
  socket.binaryType = 'arraybuffer'
  const received: Uint8Array[] = []
  let isClosed = false
  socket.addEventListener('message', (event) => received.push(new Uint8Array(event.data as ArrayBuffer)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.addEventListener('close', (event) => {
      isClosed = true
      resolve({ code: event.code, reason: event.reason })
    }),
  )
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true })
    socket.addEventListener('error', () => reject(new Error('websocket failed to open')), { once: true })
  })
  return { socket, received, closed, isClosed: () => isClosed }
}
