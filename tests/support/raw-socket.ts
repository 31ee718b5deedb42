import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** A websocket to `/collab` speaking raw Hocuspocus frames, as an attacker's script would. */
export interface RawSocket {
  socket: WebSocket
  /** Frames received so far. */
  received: Uint8Array[]
  /** Resolves with the close code once the server (or we) closed the socket. */
  closed: Promise<number>
  isClosed(): boolean
}

export function openRawSocket(url: string, path = '/collab', headers?: Record<string, string>): Promise<RawSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, headers ? ({ headers } as never) : undefined)
  socket.binaryType = 'arraybuffer'
  const received: Uint8Array[] = []
  let isClosed = false
  const closed = new Promise<number>((resolve) =>
    socket.addEventListener('close', (event) => {
      isClosed = true
      resolve(event.code)
    }),
  )
  socket.addEventListener('message', (event) => received.push(new Uint8Array(event.data as ArrayBuffer)))
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve({ socket, received, closed, isClosed: () => isClosed }))
    socket.addEventListener('error', () => reject(new Error('websocket refused')))
  })
}

/** A Hocuspocus Auth frame presenting `token` for `documentName`. */
export function authFrame(documentName: string, token: string): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, 2) // MessageType.Auth
  encoding.writeVarUint(encoder, 0) // AuthMessageType.Token
  encoding.writeVarString(encoder, token)
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>
}

/** A sync step 1 frame carrying `bytes` of filler: what Hocuspocus queues until the document is authenticated. */
export function fillerFrame(documentName: string, bytes: number): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, 0) // MessageType.Sync
  encoding.writeVarUint(encoder, 0) // SyncStep1
  encoding.writeVarUint8Array(encoder, new Uint8Array(bytes))
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>
}

/** A Hocuspocus stateless frame carrying `payload`. */
export function statelessFrame(documentName: string, payload: string): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, 5) // MessageType.Stateless
  encoding.writeVarString(encoder, payload)
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>
}

/** The payload of a stateless frame from the server, or null for any other frame. */
export function statelessPayload(frame: Uint8Array): string | null {
  const decoder = decoding.createDecoder(frame)
  decoding.readVarString(decoder)
  return decoding.readVarUint(decoder) === 5 ? decoding.readVarString(decoder) : null
}

/** Whether a frame from the server is an Auth "permission denied" answer. */
export function isPermissionDenied(frame: Uint8Array): boolean {
  const decoder = decoding.createDecoder(frame)
  decoding.readVarString(decoder)
  return decoding.readVarUint(decoder) === 2 && decoding.readVarUint(decoder) === 1
}

/** The server process' resident set size in bytes (Linux). */
export async function residentBytes(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises')
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1]
  if (kib === undefined) throw new Error('no VmRSS in /proc status')
  return Number(kib) * 1024
}
