import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { collabUrl } from '../../apps/web/src/board/sync/nodeFailover.ts'

/** Hocuspocus message types and sync subtypes a hostile client writes by hand. */
const SYNC = 0
const AWARENESS = 1
const AUTH = 2
const STATELESS = 5
const SYNC_STATUS = 8
const SYNC_UPDATE = 2

/**
 * A hand-driven Hocuspocus client on its own websocket, for sending what no provider sends:
 * arbitrary updates, awareness states for any client id, unknown message types.
 */
export class RawCollabSocket {
  readonly received: Uint8Array[] = []
  readonly closed: Promise<{ code: number; reason: string }>
  private readonly socket: WebSocket

  private constructor(
    baseUrl: string,
    readonly documentName: string,
  ) {
    this.socket = new WebSocket(collabUrl(baseUrl))
    this.socket.binaryType = 'arraybuffer'
    this.socket.addEventListener('message', (event) => this.received.push(new Uint8Array(event.data as ArrayBuffer)))
    this.closed = new Promise((resolve) => this.socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason })))
  }

  /** Opens a socket and authenticates it for `documentName`, resolved once the server answers. */
  static async open(baseUrl: string, documentName: string, token: string): Promise<RawCollabSocket> {
    const raw = await RawCollabSocket.connect(baseUrl, documentName)
    raw.send(AUTH, (encoder) => {
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarString(encoder, token)
    })
    await raw.until(() => raw.received.length > 0, 'the authentication answer')
    return raw
  }

  /** Opens a socket without authenticating. */
  static async connect(baseUrl: string, documentName: string): Promise<RawCollabSocket> {
    const raw = new RawCollabSocket(baseUrl, documentName)
    await new Promise((resolve, reject) => {
      raw.socket.addEventListener('open', resolve, { once: true })
      raw.socket.addEventListener('error', reject, { once: true })
    })
    return raw
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN
  }

  /** Sends an update frame (sync, subtype update). */
  sendUpdate(update: Uint8Array): void {
    this.send(SYNC, (encoder) => {
      encoding.writeVarUint(encoder, SYNC_UPDATE)
      encoding.writeVarUint8Array(encoder, update)
    })
  }

  /** Sends an awareness update carrying `states` (client id → state) at `clock`. */
  sendAwareness(states: Array<[clientId: number, state: unknown]>, clock: number): void {
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, states.length)
    for (const [clientId, state] of states) {
      encoding.writeVarUint(update, clientId)
      encoding.writeVarUint(update, clock)
      encoding.writeVarString(update, JSON.stringify(state))
    }
    this.send(AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update)))
  }

  sendStateless(payload: string): void {
    this.send(STATELESS, (encoder) => encoding.writeVarString(encoder, payload))
  }

  /** A frame of message type `type` with `write` filling its body, addressed to the document. */
  send(type: number, write: (encoder: encoding.Encoder) => void = () => {}): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, this.documentName)
    encoding.writeVarUint(encoder, type)
    write(encoder)
    this.sendRaw(encoding.toUint8Array(encoder))
  }

  sendRaw(frame: Uint8Array): void {
    if (this.isOpen) this.socket.send(frame as Uint8Array<ArrayBuffer>)
  }

  /** The acknowledgements (SyncStatus) received so far, in order. */
  acknowledgements(): boolean[] {
    const out: boolean[] = []
    for (const frame of this.received) {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarString(decoder)
      if (decoding.readVarUint(decoder) === SYNC_STATUS) out.push(decoding.readVarUint(decoder) === 1)
    }
    return out
  }

  close(): void {
    this.socket.close()
  }

  private async until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${what} did not arrive within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}
