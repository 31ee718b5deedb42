import type {
  afterUnloadDocumentPayload,
  Connection,
  connectedPayload,
  Document,
  Extension,
  Hocuspocus,
  onAwarenessUpdatePayload,
  onChangePayload,
  onConfigurePayload,
  onDisconnectPayload,
  onStatelessPayload,
} from '@hocuspocus/server'
import type { Logger } from 'pino'
import {
  LAB_CHANNEL,
  labUserSchema,
  parseStateless,
  statelessClientMessageSchema,
  updateAuthors,
  type Fault,
  type LabEvent,
  type LabUser,
  type Replica,
  type ReplicaReport,
  type ServerState,
  type UpdateLeg,
} from '@concord/shared'
import type { CollabContext } from './context.ts'
import type { FaultVerdict } from './fault-book.ts'
import { LabDigests } from './lab-digest.ts'
import { LabFederation } from './lab-federation.ts'
import type { LabRelay } from './lab-relay.ts'
import type { LabReplicas } from './lab-replicas.ts'
import { causesOf, hasConverged, isEcho, legFate, readSyncPayload } from './lab-events.ts'
import { sendStateless } from './stateless.ts'
import { isYWebsocket } from './y-websocket.ts'

/** How often at most the server's state vector and digest are sent while the document changes. */
const SERVER_STATE_INTERVAL_MS = 200

/** Lab subscriptions one connection may make per minute: a viewer opens the lab, not a flood of them. */
const SUBSCRIBES_PER_MINUTE = 10

/** How many recent incoming legs an outgoing leg may name as its causes. */
const RECENT_LEGS = 200

type TimedReport = ReplicaReport & { at: number }

interface ReplicaNotes {
  connectedAt: number
  lastSentAt: number | null
  lastReceivedAt: number | null
  /** The row last sent to viewers, to send changes only. */
  shown: string
}

interface Board {
  documentName: string
  subscribers: Set<Connection>
  recentIn: UpdateLeg[]
  serverStateTimer: NodeJS.Timeout | undefined
  /** When faults were last healed, until every reporting replica has reported the server's digest. */
  healedAt: number | null
}

/**
 * The replication lab's telemetry: what each replica of a board is, which updates travel from
 * whom to whom and what became of them, the server's state, faults and convergence. It is sent
 * (as lab stateless messages) only to connections that subscribed; with nobody subscribed on a
 * board every hook returns after one map lookup. Self-reports are kept regardless, so a new viewer
 * sees every replica's latest state at once. With several nodes, `LabFederation` carries the
 * telemetry between them. Replicas' identities, faults and frames come from `LabReplicas`.
 */
export class LabTelemetry implements Extension {
  extensionName = 'concord-lab-telemetry'

  private readonly boards = new Map<string, Board>()
  private readonly notes = new WeakMap<Connection, ReplicaNotes>()
  /**
   * Each board's latest self-reports by Yjs client id (not by connection: a healed replica
   * reconnects, and its report from before the heal must count until it reports again).
   */
  private readonly reports = new Map<string, Map<number, TimedReport>>()
  private hocuspocus: Hocuspocus | undefined
  private nextLegId = 1
  private readonly digests = new LabDigests()
  /** Connections whose subscription waits for the board's digest. */
  private readonly subscribing = new WeakSet<Connection>()
  /** Each connection's subscriptions in the current minute. */
  private readonly subscribeCounts = new WeakMap<Connection, { startedAt: number; count: number }>()

  private readonly federation: LabFederation | null

  constructor(
    private readonly replicas: LabReplicas,
    /** This server node's name in the lab. */
    private readonly nodeId: string,
    /** With several nodes: the other nodes' telemetry. */
    relay: LabRelay | null = null,
    private readonly log: Logger | null = null,
  ) {
    this.federation = relay
      ? new LabFederation(relay, nodeId, {
          watchForOthers: (documentName) => this.watchForOthers(documentName),
          hasViewers: (documentName) => (this.boards.get(documentName)?.subscribers.size ?? 0) > 0,
          tell: (documentName, event) => {
            const board = this.boards.get(documentName)
            if (board) this.tell(board, event)
          },
          interestLapsed: (documentName) => {
            const board = this.boards.get(documentName)
            if (board && board.subscribers.size === 0) this.drop(board)
          },
        }, log)
      : null
    replicas.observeFrames({
      incoming: (connection, frame, fate) => {
        if (this.boards.size !== 0) this.frame('in', connection, frame, fate)
      },
      outgoing: (connection, frame, fate) => {
        if (this.boards.size !== 0) this.frame('out', connection, frame, fate)
      },
    })
    replicas.onFaults((documentName, list, healedAt) => this.faultsChanged(documentName, list, healedAt))
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.hocuspocus = instance
  }

  async connected({ connection, documentName }: connectedPayload): Promise<void> {
    const board = this.boards.get(documentName)
    if (board) this.emit(board, { type: 'replica-joined', at: Date.now(), replica: this.replicaOf(connection, true) })
  }

  async onDisconnect({ documentName, socketId, document }: onDisconnectPayload): Promise<void> {
    const board = this.boards.get(documentName)
    this.forgetLeftReplicas(document, board)
    if (!board) return
    for (const subscriber of board.subscribers) {
      if (subscriber.socketId === socketId) board.subscribers.delete(subscriber)
    }
    if (board.subscribers.size === 0) this.release(board)
    if (this.boards.get(documentName) === board) this.emit(board, { type: 'replica-left', at: Date.now(), connectionId: socketId })
  }

  async onStateless({ connection, documentName, payload }: onStatelessPayload): Promise<void> {
    const message = parseStateless(statelessClientMessageSchema, payload)
    if (message?.channel !== LAB_CHANNEL) return
    if (message.type === 'invalid') {
      sendStateless(connection, { channel: LAB_CHANNEL, type: 'refused', reason: message.reason })
      return
    }
    if (message.type === 'subscribe') this.subscribe(connection, documentName)
    else if (message.type === 'unsubscribe') this.unsubscribe(connection, documentName)
    else if (message.type === 'report') this.report(connection, documentName, message.report)
  }

  async onAwarenessUpdate({ documentName, document }: onAwarenessUpdatePayload): Promise<void> {
    const board = this.boards.get(documentName)
    if (board) for (const connection of document.getConnections()) this.emitIfChanged(board, connection)
  }

  async onChange({ documentName, document }: onChangePayload): Promise<void> {
    const board = this.boards.get(documentName)
    if (!board || board.serverStateTimer) return
    board.serverStateTimer = setTimeout(() => {
      board.serverStateTimer = undefined
      if (this.boards.get(documentName) !== board) return
      this.guard(documentName, async () => {
        const server = await this.serverState(document)
        if (this.boards.get(documentName) !== board) return
        this.emit(board, { type: 'server-state', at: Date.now(), server })
        this.convergedAt(board, document, server.digest)
      })
    }, SERVER_STATE_INTERVAL_MS)
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.reports.delete(documentName)
    const board = this.boards.get(documentName)
    if (!board) return
    this.federation?.unloaded(documentName)
    this.drop(board)
  }

  async onDestroy(): Promise<void> {
    for (const board of [...this.boards.values()]) this.drop(board)
    this.federation?.close()
  }

  private watch(documentName: string): Board {
    let board = this.boards.get(documentName)
    if (!board) {
      board = {
        documentName,
        subscribers: new Set(),
        recentIn: [],
        serverStateTimer: undefined,
        healedAt: null,
      }
      this.boards.set(documentName, board)
    }
    return board
  }

  /**
   * Sends the connection a snapshot once the board's digest for its current version is known
   * (computed once for every viewer asking), and the board's events from then on. More than
   * `SUBSCRIBES_PER_MINUTE` per connection are refused.
   */
  private subscribe(connection: Connection, documentName: string): void {
    if (!this.maySubscribe(connection)) {
      sendStateless(connection, { channel: LAB_CHANNEL, type: 'refused', reason: 'Too many lab subscriptions from this tab; wait a minute.' })
      return
    }
    if (this.subscribing.has(connection)) return
    this.subscribing.add(connection)
    const document = connection.document
    this.guard(documentName, async () => {
      const server = await this.serverState(document).catch((error: unknown) => {
        this.subscribing.delete(connection)
        throw error
      })
      // Unsubscribed, gone or unloaded meanwhile: nothing to send.
      if (!this.subscribing.delete(connection)) return
      if (!document.getConnections().includes(connection) || this.hocuspocus?.documents.get(documentName) !== document) return
      this.startSubscription(connection, documentName, server)
    })
  }

  private maySubscribe(connection: Connection): boolean {
    const now = Date.now()
    const window = this.subscribeCounts.get(connection)
    if (!window || now - window.startedAt >= 60_000) {
      this.subscribeCounts.set(connection, { startedAt: now, count: 1 })
      return true
    }
    return ++window.count <= SUBSCRIBES_PER_MINUTE
  }

  private startSubscription(connection: Connection, documentName: string, server: ServerState): void {
    const board = this.watch(documentName)
    board.subscribers.add(connection)
    this.federation?.askOthers(documentName)
    const document = connection.document
    const replicas = document.getConnections().map((replica) => this.replicaOf(replica, true))
    sendStateless(connection, {
      channel: LAB_CHANNEL,
      type: 'snapshot',
      at: Date.now(),
      server,
      replicas,
      faults: this.replicas.faults(documentName),
    })
  }

  private unsubscribe(connection: Connection, documentName: string): void {
    this.subscribing.delete(connection)
    const board = this.boards.get(documentName)
    board?.subscribers.delete(connection)
    if (board && board.subscribers.size === 0) this.release(board)
  }

  /** The last viewer here left: stop asking other nodes, and stop watching unless other nodes still ask. */
  private release(board: Board): void {
    this.federation?.stopAsking(board.documentName)
    if (!this.federation?.wanted(board.documentName)) this.drop(board)
  }

  private drop(board: Board): void {
    clearTimeout(board.serverStateTimer)
    if (this.boards.get(board.documentName) !== board) return
    this.boards.delete(board.documentName)
    this.federation?.forget(board.documentName)
  }

  /** Another node's viewers ask for this node's telemetry of a board: its state and replicas, if it is open here. */
  private watchForOthers(documentName: string): Promise<{ server: ServerState; replicas: Replica[] }> | null {
    const document = this.hocuspocus?.documents.get(documentName)
    if (!document) return null
    this.watch(documentName)
    return this.serverState(document).then((server) => ({ server, replicas: document.getConnections().map((connection) => this.replicaOf(connection, true)) }))
  }

  private report(connection: Connection, documentName: string, report: ReplicaReport): void {
    // A report in another replica's name is not taken.
    if (!this.replicas.claim(connection, report.clientId)) return
    const reports = this.reports.get(documentName) ?? new Map<number, TimedReport>()
    this.reports.set(documentName, reports)
    reports.set(report.clientId, { ...report, at: Date.now() })
    const board = this.boards.get(documentName)
    if (!board) return
    this.emitIfChanged(board, connection)
    if (board.healedAt === null) return
    const document = connection.document
    this.guard(documentName, async () => {
      const { digest } = await this.digests.stateOf(document)
      if (this.boards.get(documentName) === board) this.convergedAt(board, document, digest)
    })
  }

  private faultsChanged(documentName: string, faults: Fault[], healedAt: number | null): void {
    const board = this.boards.get(documentName)
    if (!board) return
    if (healedAt !== null) board.healedAt = healedAt
    this.emit(board, { type: 'faults', at: Date.now(), faults })
    const document = this.hocuspocus?.documents.get(documentName)
    if (document) for (const connection of document.getConnections()) this.emitIfChanged(board, connection)
  }

  /** One update-carrying frame to or from a replica, as an `update` event. */
  private frame(direction: 'in' | 'out', connection: Connection, frame: Uint8Array, fate: FaultVerdict): void {
    const board = this.boards.get(connection.document.name)
    if (!board) return
    const sync = readSyncPayload(frame)
    if (!sync) return
    const now = Date.now()
    const authors = updateAuthors(sync.update)
    if (direction === 'out' && isEcho(board.recentIn, authors, connection.socketId)) return
    const leg: UpdateLeg = {
      id: `${this.nodeId}/${this.nextLegId++}`,
      direction,
      connectionId: connection.socketId,
      nodeId: this.nodeId,
      at: now,
      kind: sync.kind,
      authors,
      bytes: sync.update.byteLength,
      fate: legFate(fate, now),
      causes: direction === 'out' ? causesOf(board.recentIn, authors, connection.socketId) : [],
    }
    if (direction === 'in') {
      board.recentIn.push(leg)
      if (board.recentIn.length > RECENT_LEGS) board.recentIn.shift()
    }
    const notes = this.notesOf(connection)
    if (leg.fate.fate !== 'dropped') {
      if (direction === 'in') notes.lastSentAt = now
      else notes.lastReceivedAt = leg.fate.fate === 'delayed' ? leg.fate.until : now
    }
    this.emit(board, { type: 'update', at: now, leg })
  }

  /** Announces convergence when, after a heal, every reporting replica has reported the server's digest. */
  private convergedAt(board: Board, document: Document, digest: string): void {
    if (board.healedAt === null) return
    const reports = [...(this.reports.get(document.name)?.values() ?? [])]
    if (!hasConverged(reports, digest, board.healedAt)) return
    const now = Date.now()
    const replicas = reports.length
    this.emit(board, { type: 'converged', at: now, healedAt: board.healedAt, ms: now - board.healedAt, replicas })
    board.healedAt = null
  }

  private emitIfChanged(board: Board, connection: Connection): void {
    const replica = this.replicaOf(connection, false)
    const notes = this.notesOf(connection)
    const row = JSON.stringify(replica)
    if (notes.shown === row) return
    notes.shown = row
    this.emit(board, { type: 'replica-changed', at: Date.now(), replica })
  }

  private replicaOf(connection: Connection, markShown: boolean): Replica {
    const notes = this.notesOf(connection)
    const clientId = this.replicas.clientIdOf(connection)
    const fault = this.replicas.faultOf(connection)
    const report = clientId === null ? null : (this.reports.get(connection.document.name)?.get(clientId) ?? null)
    const replica: Replica = {
      connectionId: connection.socketId,
      nodeId: this.nodeId,
      clientId,
      protocol: isYWebsocket(connection) ? 'y-websocket' : 'hocuspocus',
      role: (connection.context as CollabContext).role,
      user: userOf(connection.document, clientId) ?? report?.user ?? null,
      status: fault?.partitioned ? 'partitioned' : fault && fault.latencyMs > 0 ? 'delayed' : 'online',
      latencyMs: fault?.latencyMs ?? 0,
      connectedAt: notes.connectedAt,
      report,
      lastSentAt: notes.lastSentAt,
      lastReceivedAt: notes.lastReceivedAt,
    }
    if (markShown) notes.shown = JSON.stringify(replica)
    return replica
  }

  /**
   * Drops the reports of replicas no longer connected, except while a heal is being measured:
   * a healed replica reconnecting keeps its old report, so it must report again to count.
   */
  private forgetLeftReplicas(document: Document, board: Board | undefined): void {
    const reports = this.reports.get(document.name)
    if (!reports || board?.healedAt != null) return
    const connected = new Set(document.getConnections().map((connection) => this.replicas.clientIdOf(connection)))
    for (const clientId of reports.keys()) if (!connected.has(clientId)) reports.delete(clientId)
  }

  /** A connection's notes, made on first use: a self-report can arrive before the `connected` hook. */
  private notesOf(connection: Connection): ReplicaNotes {
    let notes = this.notes.get(connection)
    if (!notes) {
      notes = { connectedAt: Date.now(), lastSentAt: null, lastReceivedAt: null, shown: '' }
      this.notes.set(connection, notes)
    }
    return notes
  }

  private async serverState(document: Document): Promise<ServerState> {
    return { nodeId: this.nodeId, ...(await this.digests.stateOf(document)) }
  }

  /** Runs lab work that outlives its hook (after a timer or a digest): a failure skips it for this board, logged. */
  private guard(documentName: string, work: () => Promise<void>): void {
    work().catch((error: unknown) => this.log?.error({ err: error, documentName }, 'lab telemetry failed for a board'))
  }

  /** An event of this node: to the viewers here, and to other nodes' viewers while they ask. */
  private emit(board: Board, event: LabEvent): void {
    this.tell(board, event)
    this.federation?.publish(board.documentName, event)
  }

  /** An event to the viewers on this node only. */
  private tell(board: Board, event: LabEvent): void {
    if (board.subscribers.size === 0) return
    sendStateless(board.subscribers, { channel: LAB_CHANNEL, type: 'event', event })
  }
}

function userOf(document: Document, clientId: number | null): LabUser | null {
  if (clientId === null) return null
  const state = document.awareness.getStates().get(clientId) as { user?: unknown } | undefined
  const parsed = labUserSchema.safeParse(state?.user)
  return parsed.success ? parsed.data : null
}
