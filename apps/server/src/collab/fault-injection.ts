import * as encoding from 'lib0/encoding'
import {
  MessageType,
  type Connection,
  type connectedPayload,
  type Extension,
  type Hocuspocus,
  type onConfigurePayload,
  type onDisconnectPayload,
  type onStatelessPayload,
} from '@hocuspocus/server'
import type { Logger } from 'pino'
import {
  LAB_CHANNEL,
  parseStateless,
  statelessClientMessageSchema,
  type Fault,
  type FaultCommand,
} from '@concord/shared'
import type { CollabContext } from './context.ts'
import { FaultBook, faultVerdict, type FaultVerdict } from './fault-book.ts'
import { messageTypeOf } from './frames.ts'
import type { LabRelay } from './lab-relay.ts'
import type { LabReplicas } from './lab-replicas.ts'
import type { FrameRule } from './outgoing-queue.ts'
import { sendStateless } from './stateless.ts'

/** Closing a healed replica's connection makes its provider reconnect and run the sync handshake. */
export const RESYNC_CLOSE = { code: 4000, reason: 'lab: resynchronise after heal' }

/**
 * While partitioned, a replica hears nothing, and providers reconnect after 30 s of silence
 * (which would run the handshake and end the partition early); an empty awareness update this
 * often keeps it listening without carrying any state.
 */
export const KEEPALIVE_MS = 10_000

interface Path {
  /** Until when frames already delayed on this path are in flight (`performance.now()` ms). */
  busyUntil: number
}

/**
 * The replication lab's fault injection, enforced by the server: the board's owner partitions a
 * replica (every data frame to and from it is dropped) or adds latency to it (frames wait, both
 * ways), and heals them. Outgoing frames are a rule on the shared outgoing queue (after the
 * acknowledgement hold); incoming frames are caught before Hocuspocus handles them. Stateless
 * frames (the lab's own messages) pass, so a partitioned tab still learns it is partitioned and
 * the lab still sees its self-reports.
 *
 * Faults target a replica by its Yjs client id (from its awareness or its lab self-report, kept in
 * `LabReplicas`, where the faults and every frame's fate are published for the telemetry), so
 * they hold across its reconnects. Healing a partition closes the replica's connection: its
 * provider reconnects and the state-vector handshake merges both sides.
 */
export class FaultInjection implements Extension {
  extensionName = 'concord-fault-injection'

  private readonly books = new Map<string, FaultBook>()
  private readonly incomingPaths = new WeakMap<Connection, Path>()
  private readonly outgoingPaths = new WeakMap<Connection, Path>()
  private readonly keepaliveFrames = new WeakSet<Uint8Array>()
  private keepalive: NodeJS.Timeout | undefined
  private hocuspocus: Hocuspocus | undefined
  private relay: LabRelay | null = null

  constructor(
    private readonly replicas: LabReplicas,
    private readonly log: Logger,
    private readonly keepaliveMs = KEEPALIVE_MS,
  ) {}

  /** The outgoing queue's rule that drops and delays frames to faulted replicas. */
  readonly outgoingRule: FrameRule = (frame) => {
    const book = this.books.size === 0 ? undefined : this.books.get(frame.connection.document.name)
    const fate =
      book && frame.messageType !== MessageType.Stateless && !this.keepaliveFrames.has(frame.bytes)
        ? this.fateOn(this.outgoingPaths, frame.connection, book)
        : undefined
    this.replicas.outgoing(frame.connection, frame.bytes, fate)
    return fate
  }

  /**
   * With several nodes: an owner's command goes to every node, and each enforces it on the
   * connections it holds, so a replica is faulted whichever node it is connected to.
   */
  shareWith(relay: LabRelay): void {
    this.relay = relay
    relay.onFault((documentName, command) => this.command(documentName, command, false))
  }

  /** The board's faults (the lab reads them from `LabReplicas`). */
  faults(documentName: string): Fault[] {
    return this.books.get(documentName)?.list() ?? []
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.hocuspocus = instance
  }

  async connected({ connection }: connectedPayload): Promise<void> {
    const handle = connection.handleMessage.bind(connection)
    connection.handleMessage = (frame: Uint8Array) => {
      const book = this.books.size === 0 ? undefined : this.books.get(connection.document.name)
      const fate = book && messageTypeOf(frame) !== MessageType.Stateless ? this.fateOn(this.incomingPaths, connection, book) : undefined
      this.replicas.incoming(connection, frame, fate)
      if (fate === undefined) handle(frame)
      else if ('delayMs' in fate) setTimeout(() => this.onTimer(connection, () => handle(frame)), fate.delayMs)
    }
  }

  async onDisconnect({ document, documentName }: onDisconnectPayload): Promise<void> {
    // Faults outlive connections (a replica may reconnect), not the document's last connection.
    if (document.getConnectionsCount() === 0 && this.books.delete(documentName)) {
      this.replicas.forgetFaults(documentName)
      this.updateKeepalive()
    }
  }

  async onStateless({ connection, payload }: onStatelessPayload): Promise<void> {
    const message = parseStateless(statelessClientMessageSchema, payload)
    if (message?.channel !== LAB_CHANNEL || message.type === 'invalid') return
    if (message.type === 'report') {
      this.replicas.claim(connection, message.report.clientId)
      return
    }
    if (message.type !== 'fault') return
    const { role } = connection.context as CollabContext
    if (role !== 'owner') {
      this.log.warn({ documentName: connection.document.name, role, op: message.command.op }, 'lab fault command refused: not the owner')
      sendStateless(connection, { channel: LAB_CHANNEL, type: 'refused', reason: 'only the board owner may inject faults' })
      return
    }
    this.command(connection.document.name, message.command)
  }

  async onDestroy(): Promise<void> {
    clearInterval(this.keepalive)
  }

  /** Applies an owner's command to the board's faults and tells the replicas concerned (and, with `share`, the other nodes). */
  command(documentName: string, command: FaultCommand, share = true): void {
    if (share) this.relay?.publishFault(documentName, command)
    // Another node's command for a board not open here has nobody to fault.
    else if (!this.hocuspocus?.documents.has(documentName)) return
    const book = this.books.get(documentName) ?? new FaultBook()
    const change = book.apply(command, Date.now())
    if (book.isEmpty) this.books.delete(documentName)
    else this.books.set(documentName, book)
    this.updateKeepalive()
    if (change.changed.length === 0) return
    this.log.info({ documentName, command }, 'lab fault command')

    const connections = this.connectionsOf(documentName)
    for (const connection of connections) {
      const clientId = this.replicas.clientIdOf(connection)
      if (clientId !== null && change.changed.includes(clientId)) {
        sendStateless(connection, { channel: LAB_CHANNEL, type: 'your-fault', fault: book.get(clientId) ?? null })
      }
    }
    for (const connection of connections) {
      const clientId = this.replicas.clientIdOf(connection)
      if (clientId !== null && change.resync.includes(clientId)) connection.close(RESYNC_CLOSE)
    }
    const healedAt = change.resync.length > 0 || command.op.startsWith('heal') ? Date.now() : null
    this.replicas.setFaults(documentName, book.list(), healedAt)
  }

  private fateOn(paths: WeakMap<Connection, Path>, connection: Connection, book: FaultBook): FaultVerdict {
    const now = performance.now()
    const path = paths.get(connection) ?? { busyUntil: 0 }
    paths.set(connection, path)
    const fate = faultVerdict(book.get(this.replicas.clientIdOf(connection)), now, path.busyUntil)
    if (fate && 'delayMs' in fate) path.busyUntil = now + fate.delayMs
    return fate
  }

  private connectionsOf(documentName: string): Connection[] {
    const connections: Connection[] = []
    for (const connection of this.hocuspocus?.documents.get(documentName)?.getConnections() ?? []) connections.push(connection)
    return connections
  }


  private updateKeepalive(): void {
    const anyPartition = [...this.books.values()].some((book) => book.list().some((fault) => fault.partitioned))
    if (anyPartition && !this.keepalive) {
      this.keepalive = setInterval(() => this.sendKeepalives(), this.keepaliveMs)
      this.keepalive.unref()
    } else if (!anyPartition && this.keepalive) {
      clearInterval(this.keepalive)
      this.keepalive = undefined
    }
  }

  private sendKeepalives(): void {
    for (const [documentName, book] of this.books) {
      for (const connection of this.connectionsOf(documentName)) {
        if (!book.get(this.replicas.clientIdOf(connection))?.partitioned) continue
        this.onTimer(connection, () => {
          const frame = emptyAwarenessFrame(connection.messageAddress)
          this.keepaliveFrames.add(frame)
          connection.send(frame)
        })
      }
    }
  }

  /** Work on a timer, for one connection: a failure closes that connection (logged), not the process. */
  private onTimer(connection: Connection, work: () => void): void {
    try {
      work()
    } catch (error) {
      this.log.error({ err: error, documentName: connection.document.name, socketId: connection.socketId }, 'lab fault timer failed')
      connection.close({ code: 1011, reason: 'server error' })
    }
  }
}

/** An awareness update with no client in it: received and applied as nothing. */
function emptyAwarenessFrame(address: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, address)
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, new Uint8Array([0]))
  return encoding.toUint8Array(encoder)
}
