import { MessageType } from '@hocuspocus/provider'
import * as encoding from 'lib0/encoding'
import { authFrame, customFrame, statelessFrame, syncStatuses, updateFrame } from './frames.ts'
import { openRawSocket, type RawSocket } from './raw-socket.ts'
import { waitFor } from './wait.ts'

/**
 * A hand-driven Hocuspocus client of one document on its own websocket, for sending what no
 * provider sends: arbitrary updates, awareness states for any client id, unknown message types.
 */
export class RawCollabSocket {
  readonly received: Uint8Array[]
  readonly closed: Promise<{ code: number; reason: string }>

  private constructor(
    private readonly raw: RawSocket,
    readonly documentName: string,
  ) {
    this.received = raw.received
    this.closed = raw.closed
  }

  /** Opens a socket and authenticates it for `documentName`, resolved once the server answers. */
  static async open(baseUrl: string, documentName: string, token: string): Promise<RawCollabSocket> {
    const collab = await RawCollabSocket.connect(baseUrl, documentName)
    collab.sendRaw(authFrame(documentName, token))
    await waitFor(() => collab.received.length > 0, { timeoutMs: 10_000, what: 'the authentication answer' })
    return collab
  }

  /** Opens a socket without authenticating. */
  static async connect(baseUrl: string, documentName: string): Promise<RawCollabSocket> {
    return new RawCollabSocket(await openRawSocket(baseUrl), documentName)
  }

  get isOpen(): boolean {
    return this.raw.socket.readyState === WebSocket.OPEN
  }

  /** Sends an update frame (sync, subtype update). */
  sendUpdate(update: Uint8Array): void {
    this.sendRaw(updateFrame(this.documentName, update))
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
    this.send(MessageType.Awareness, (encoder) => encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update)))
  }

  sendStateless(payload: string): void {
    this.sendRaw(statelessFrame(this.documentName, payload))
  }

  /** A frame of message type `type` with `write` filling its body, addressed to the document. */
  send(type: number, write: (encoder: encoding.Encoder) => void = () => {}): void {
    this.sendRaw(customFrame(this.documentName, type, write))
  }

  sendRaw(frame: Uint8Array): void {
    if (this.isOpen) this.raw.socket.send(frame as Uint8Array<ArrayBuffer>)
  }

  /** The acknowledgements (SyncStatus) received so far, in order. */
  acknowledgements(): boolean[] {
    return syncStatuses(this)
  }

  close(): void {
    this.raw.socket.close()
  }
}
