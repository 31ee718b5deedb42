/** A bare websocket speaking raw frames, for sending what no provider would. */
export interface RawSocket {
  socket: WebSocket
  /** Frames received so far. */
  received: Uint8Array[]
  /** Resolves once the server (or we) closed the socket. */
  closed: Promise<{ code: number; reason: string }>
  isClosed(): boolean
}

/** Opens a websocket on `path` (by default the collaboration socket) of the server at `httpUrl`. */
export function openRawSocket(httpUrl: string, path = '/collab', headers?: Record<string, string>): Promise<RawSocket> {
  // Node's WebSocket (undici) takes headers in its second argument; browsers' does not.
  const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}${path}`, headers ? ({ headers } as never) : undefined)
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
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve({ socket, received, closed, isClosed: () => isClosed }), { once: true })
    socket.addEventListener('error', () => reject(new Error('websocket refused')), { once: true })
  })
}
