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
import {
  boardDigest,
  LAB_CHANNEL,
  labClientMessageSchema,
  labUserSchema,
  parseLabPayload,
  stateVectorOf,
  updateAuthors,
  type Fault,
  type LabEvent,
  type LabServerMessage,
  type LabUser,
  type Replica,
  type ReplicaReport,
  type ServerState,
  type UpdateLeg,
} from '@concord/shared'
import type { CollabContext } from './context.ts'
import type { FaultInjection } from './fault-injection.ts'
import type { FrameFate } from './fault-book.ts'
import { causesOf, hasConverged, isEcho, legFate, readSyncPayload } from './lab-events.ts'
import { isYWebsocket } from './y-websocket.ts'

/** How often at most the server's state vector and digest are sent while the document changes. */
const SERVER_STATE_INTERVAL_MS = 200

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
 * sees every replica's latest state at once.
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

  constructor(
    private readonly faults: FaultInjection,
    /** This server node's name in the lab. */
    private readonly nodeId: string,
  ) {
    faults.observeFrames({
      incoming: (connection, frame, fate) => {
        if (this.boards.size !== 0) this.frame('in', connection, frame, fate)
      },
      outgoing: (connection, frame, fate) => {
        if (this.boards.size !== 0) this.frame('out', connection, frame, fate)
      },
    })
    faults.onFaults((documentName, list, healedAt) => this.faultsChanged(documentName, list, healedAt))
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
    if (board.subscribers.size === 0) {
      this.drop(documentName, board)
      return
    }
    this.emit(board, { type: 'replica-left', at: Date.now(), connectionId: socketId })
  }

  async onStateless({ connection, documentName, payload }: onStatelessPayload): Promise<void> {
    const message = parseLabPayload(labClientMessageSchema, payload)
    if (message === null) return
    if ('invalid' in message) {
      send(connection, { channel: LAB_CHANNEL, type: 'refused', reason: message.invalid })
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
      this.emit(board, { type: 'server-state', at: Date.now(), server: this.serverState(document) })
      this.checkConvergence(board, document)
    }, SERVER_STATE_INTERVAL_MS)
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.reports.delete(documentName)
  }

  async onDestroy(): Promise<void> {
    for (const [name, board] of this.boards) this.drop(name, board)
  }

  private subscribe(connection: Connection, documentName: string): void {
    let board = this.boards.get(documentName)
    if (!board) {
      board = { subscribers: new Set(), recentIn: [], serverStateTimer: undefined, healedAt: null }
      this.boards.set(documentName, board)
    }
    board.subscribers.add(connection)
    const document = connection.document
    const replicas = document.getConnections().map((replica) => this.replicaOf(replica, true))
    send(connection, {
      channel: LAB_CHANNEL,
      type: 'snapshot',
      at: Date.now(),
      server: this.serverState(document),
      replicas,
      faults: this.faults.faults(documentName),
    })
  }

  private unsubscribe(connection: Connection, documentName: string): void {
    const board = this.boards.get(documentName)
    board?.subscribers.delete(connection)
    if (board && board.subscribers.size === 0) this.drop(documentName, board)
  }

  private drop(documentName: string, board: Board): void {
    clearTimeout(board.serverStateTimer)
    this.boards.delete(documentName)
  }

  private report(connection: Connection, documentName: string, report: ReplicaReport): void {
    // The fault extension (before this one) has refused a report in another replica's name.
    if (this.faults.clientIdOf(connection) !== report.clientId) return
    const reports = this.reports.get(documentName) ?? new Map<number, TimedReport>()
    this.reports.set(documentName, reports)
    reports.set(report.clientId, { ...report, at: Date.now() })
    const board = this.boards.get(documentName)
    if (!board) return
    this.emitIfChanged(board, connection)
    this.checkConvergence(board, connection.document)
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
  private frame(direction: 'in' | 'out', connection: Connection, frame: Uint8Array, fate: FrameFate): void {
    const board = this.boards.get(connection.document.name)
    if (!board) return
    const sync = readSyncPayload(frame)
    if (!sync) return
    const now = Date.now()
    const authors = updateAuthors(sync.update)
    if (direction === 'out' && isEcho(board.recentIn, authors, connection.socketId)) return
    const leg: UpdateLeg = {
      id: String(this.nextLegId++),
      direction,
      connectionId: connection.socketId,
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

  private checkConvergence(board: Board, document: Document): void {
    if (board.healedAt === null) return
    const reports = [...(this.reports.get(document.name)?.values() ?? [])]
    if (!hasConverged(reports, boardDigest(document), board.healedAt)) return
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
    const clientId = this.faults.clientIdOf(connection)
    const fault = this.faults.faultOf(connection)
    const report = clientId === null ? null : (this.reports.get(connection.document.name)?.get(clientId) ?? null)
    const replica: Replica = {
      connectionId: connection.socketId,
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
    const connected = new Set(document.getConnections().map((connection) => this.faults.clientIdOf(connection)))
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

  private serverState(document: Document): ServerState {
    return { nodeId: this.nodeId, stateVector: stateVectorOf(document), digest: boardDigest(document) }
  }

  private emit(board: Board, event: LabEvent): void {
    const text = JSON.stringify({ channel: LAB_CHANNEL, type: 'event', event } satisfies LabServerMessage)
    for (const subscriber of board.subscribers) subscriber.sendStateless(text)
  }
}

function send(connection: Connection, message: LabServerMessage): void {
  connection.sendStateless(JSON.stringify(message))
}

function userOf(document: Document, clientId: number | null): LabUser | null {
  if (clientId === null) return null
  const state = document.awareness.getStates().get(clientId) as { user?: unknown } | undefined
  const parsed = labUserSchema.safeParse(state?.user)
  return parsed.success ? parsed.data : null
}
