import * as encoding from 'lib0/encoding'
import { MessageType, type Connection, type Hocuspocus, type WebSocketLike } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { BOARD_REFUSAL, boardDocumentName } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import { CLIENT_ADDRESS_HEADER } from '../http/client-address.ts'
import { authAnswerOf, AuthMessageType, messageTypeOf, readFrameHeader } from './frames.ts'

export const Y_WEBSOCKET_PATH = '/yws'

/** Hocuspocus message types that mean the same in y-websocket. */
const SHARED_TYPES = new Set<number>([MessageType.Sync, MessageType.Awareness, MessageType.QueryAwareness])

/** Sent when the document connection behind a /yws socket ends; y-websocket reconnects on any close. */
const DOCUMENT_CLOSED = 4000

/** What a /yws upgrade carries from the access check to the open socket. */
export interface YWebsocketGrant {
  boardId: string
  token: string
}

/** The socket the /yws upgrade opened, as crossws hands it over. */
interface Socket {
  readonly readyState: number
  send(data: Uint8Array): void
  close(code?: number, reason?: string): void
}

/**
 * The Hocuspocus side of a /yws socket: it speaks Hocuspocus to the engine (frames prefixed
 * with the document name) and y-websocket to the socket. Being a `WebSocketLike`, it makes a
 * /yws replica an ordinary Hocuspocus connection, so every extension (auth and read-only, the
 * outgoing queue with its acknowledgement hold and fault rules, storage, frame guard, lab
 * telemetry) sees it like a /collab one.
 */
export class YWebsocketBridge implements WebSocketLike {
  constructor(
    private readonly socket: Socket,
    private readonly documentName: string,
  ) {}

  get readyState(): number {
    return this.socket.readyState
  }

  /** A frame from Hocuspocus to the replica: stripped of its address, or dropped when y-websocket has no such message. */
  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer)
    const header = readFrameHeader(bytes)
    if (header === null) return
    if (SHARED_TYPES.has(header.type)) {
      // y-websocket's frame is Hocuspocus' without the address: from the type on.
      this.socket.send(bytes.subarray(header.addressEnd))
    } else if (header.type === MessageType.CLOSE) {
      this.close(DOCUMENT_CLOSED, 'document connection closed')
    } else if (authAnswerOf(bytes) === AuthMessageType.PermissionDenied) {
      // Only when access changed after the upgrade (e.g. the link was revoked).
      this.close(4403, BOARD_REFUSAL)
    }
    // Acknowledgements (SyncStatus), "authenticated" and stateless frames have no y-websocket form.
  }

  close(code?: number, reason?: string): void {
    if (this.socket.readyState <= 1) this.socket.close(code, reason)
  }

  /** A frame from the replica, addressed to the board document for Hocuspocus; null for types y-websocket clients do not send. */
  toHocuspocus(frame: Uint8Array): Uint8Array | null {
    const type = messageTypeOf(frame, false)
    // Hocuspocus' stateless message: Concord's replicas send lab self-reports with it over /yws too.
    if (!SHARED_TYPES.has(type) && type !== MessageType.Stateless) return null
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, this.documentName)
    encoding.writeUint8Array(encoder, frame)
    return encoding.toUint8Array(encoder)
  }
}

/** Whether a Hocuspocus connection is a /yws replica. */
export function isYWebsocket(connection: Connection): boolean {
  return connection.webSocket instanceof YWebsocketBridge
}

/** The board id a /yws path names, or null (`/yws/<id>`, as `WebsocketProvider(url, id)` builds it). */
export function boardIdOfPath(path: string): string | null {
  const match = /^\/yws\/([^/]+)$/.exec(path)
  if (!match) return null
  try {
    return decodeURIComponent(match[1]!)
  } catch {
    return null
  }
}

/**
 * The y-websocket endpoint: `/yws/<board id>?k=<link token>` serves `board:<id>` to stock
 * `y-websocket` clients. Access is checked at the upgrade (a refusal is HTTP 401 with the same
 * text as every refusal); the engine then authenticates the connection again with the same token,
 * which makes read-only roles read-only exactly as on /collab.
 */
export class YWebsocketEndpoint {
  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly access: BoardAccess,
    private readonly log: Logger,
  ) {}

  /** The crossws upgrade hook for /yws paths: the grant to keep, or the refusal to answer. */
  async upgrade(request: Request): Promise<{ context: { yws: YWebsocketGrant } } | Response> {
    const url = new URL(request.url)
    const boardId = boardIdOfPath(url.pathname)
    const token = url.searchParams.get('k') ?? ''
    const address = request.headers.get(CLIENT_ADDRESS_HEADER) ?? undefined
    const decision = boardId === null ? null : await this.access.check(boardId, token, address)
    if (boardId === null || !decision?.granted) {
      // Never the query string: it holds the token.
      this.log.info({ path: url.pathname.slice(0, 80), cause: decision?.granted === false ? decision.cause : 'not a board path' }, 'y-websocket connection refused')
      return new Response(BOARD_REFUSAL, { status: 401 })
    }
    return { context: { yws: { boardId, token } } }
  }

  /** Starts the Hocuspocus connection behind an upgraded /yws socket. */
  open(socket: Socket, request: Request, grant: YWebsocketGrant): { handleMessage(frame: Uint8Array): void; handleClose(event: { code: number; reason: string }): void } {
    const documentName = boardDocumentName(grant.boardId)
    const bridge = new YWebsocketBridge(socket, documentName)
    const connection = this.hocuspocus.handleConnection(bridge, redactedRequest(request))
    // What a HocuspocusProvider sends first; frames after it wait in Hocuspocus while the document loads.
    connection.handleMessage(authFrame(documentName, grant.token))
    return {
      handleMessage(frame) {
        const forwarded = bridge.toHocuspocus(frame)
        if (forwarded) connection.handleMessage(forwarded)
      },
      handleClose(event) {
        connection.handleClose(event)
      },
    }
  }
}

/** The upgrade request without its token, so no hook or log downstream can see it. */
function redactedRequest(request: Request): Request {
  const url = new URL(request.url)
  url.searchParams.delete('k')
  return new Request(url, { headers: request.headers })
}

function authFrame(documentName: string, token: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, MessageType.Auth)
  encoding.writeVarUint(encoder, AuthMessageType.Token)
  encoding.writeVarString(encoder, token)
  return encoding.toUint8Array(encoder)
}
