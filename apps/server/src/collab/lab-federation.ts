import type { LabEvent, Replica, ServerState } from '@concord/shared'
import type { Logger } from 'pino'
import type { LabRelay } from './lab-relay.ts'

/** How often a node with lab viewers asks the others for their telemetry, and how long one ask holds. */
const INTEREST_INTERVAL_MS = 2000
const INTEREST_TTL_MS = 5000
/** A node that has not answered for this long no longer serves the board, as far as the lab can tell. */
const NODE_TIMEOUT_MS = 6000

/** What the federation needs of this node's lab telemetry. */
export interface LabFederationHost {
  /**
   * Watches a board for other nodes' viewers and resolves to this node's state and replicas of it;
   * null when the board is not open here.
   */
  watchForOthers(documentName: string): Promise<{ server: ServerState; replicas: Replica[] }> | null
  hasViewers(documentName: string): boolean
  /** An event for this node's viewers of the board. */
  tell(documentName: string, event: LabEvent): void
  /** Other nodes' interest in the board lapsed: the telemetry may stop watching it. */
  interestLapsed(documentName: string): void
}

interface FederatedBoard {
  /** Until when other nodes' lab viewers want this node's telemetry of the board (epoch ms). */
  remoteUntil: number
  /** Tells the host once the other nodes' interest lapses. */
  remoteExpiry: NodeJS.Timeout | undefined
  /** With viewers here: asks the other nodes for their telemetry and notices nodes that went quiet. */
  interestTimer: NodeJS.Timeout | undefined
  /** With viewers here: the other nodes serving the board, when each was last heard, and its replicas. */
  nodes: Map<string, { seenAt: number; replicas: Set<string> }>
}

/**
 * The lab across several server nodes (`LabRelay`): a node with viewers asks the others for
 * theirs; each node that has the board open answers with its own state and replicas and then
 * relays its events while the interest lasts. The viewers here see the other nodes' replicas,
 * and lose them when their node closes the board or stops answering.
 */
export class LabFederation {
  private readonly boards = new Map<string, FederatedBoard>()

  constructor(
    private readonly relay: LabRelay,
    /** This server node's name in the lab. */
    private readonly nodeId: string,
    private readonly host: LabFederationHost,
    private readonly log: Logger | null,
  ) {
    relay.listen({
      interest: (documentName) => this.remoteInterest(documentName),
      state: (documentName, node, server, replicas) => this.remoteState(documentName, node, server, replicas),
      event: (documentName, node, event) => this.remoteEvent(documentName, node, event),
    })
  }

  /** This node has lab viewers of the board: asks the other nodes for their telemetry until `stopAsking`. */
  askOthers(documentName: string): void {
    const board = this.boardOf(documentName)
    if (board.interestTimer) return
    this.relay.announceInterest(documentName)
    board.interestTimer = setInterval(() => {
      this.relay.announceInterest(documentName)
      this.forgetQuietNodes(documentName, board)
    }, INTEREST_INTERVAL_MS)
  }

  /** The last viewer here left. */
  stopAsking(documentName: string): void {
    const board = this.boards.get(documentName)
    if (!board) return
    clearInterval(board.interestTimer)
    board.interestTimer = undefined
    board.nodes.clear()
  }

  /** Whether other nodes' viewers want this node's telemetry of the board. */
  wanted(documentName: string): boolean {
    return (this.boards.get(documentName)?.remoteUntil ?? 0) > Date.now()
  }

  /** An event of this node: to other nodes' viewers while they ask. */
  publish(documentName: string, event: LabEvent): void {
    if (this.wanted(documentName)) this.relay.publishEvent(documentName, event)
  }

  /** This node no longer serves the board: the other nodes' viewers learn it at once. */
  unloaded(documentName: string): void {
    if (this.wanted(documentName)) this.relay.publishEvent(documentName, { type: 'node-left', at: Date.now(), nodeId: this.nodeId })
    this.forget(documentName)
  }

  /** The telemetry stopped watching the board. */
  forget(documentName: string): void {
    const board = this.boards.get(documentName)
    if (!board) return
    clearTimeout(board.remoteExpiry)
    clearInterval(board.interestTimer)
    this.boards.delete(documentName)
  }

  close(): void {
    for (const documentName of [...this.boards.keys()]) this.forget(documentName)
    this.relay.close()
  }

  private boardOf(documentName: string): FederatedBoard {
    let board = this.boards.get(documentName)
    if (!board) {
      board = { remoteUntil: 0, remoteExpiry: undefined, interestTimer: undefined, nodes: new Map() }
      this.boards.set(documentName, board)
    }
    return board
  }

  /** Another node has viewers for a board: if it is open here, answer with this node's state and relay its events for a while. */
  private remoteInterest(documentName: string): void {
    const shared = this.host.watchForOthers(documentName)
    if (!shared) return
    const board = this.boardOf(documentName)
    board.remoteUntil = Date.now() + INTEREST_TTL_MS
    clearTimeout(board.remoteExpiry)
    board.remoteExpiry = setTimeout(() => {
      if (board.remoteUntil <= Date.now()) this.host.interestLapsed(documentName)
    }, INTEREST_TTL_MS + 50)
    shared
      .then(({ server, replicas }) => this.relay.publishState(documentName, server, replicas))
      .catch((error: unknown) => this.log?.error({ err: error, documentName }, 'lab telemetry failed for a board'))
  }

  /** Another node's state and replicas, for the viewers here. */
  private remoteState(documentName: string, node: string, server: ServerState, replicas: Replica[]): void {
    if (!this.host.hasViewers(documentName)) return
    const board = this.boardOf(documentName)
    const now = Date.now()
    const known = board.nodes.get(node)
    const current = new Set(replicas.map((replica) => replica.connectionId))
    board.nodes.set(node, { seenAt: now, replicas: current })
    this.host.tell(documentName, { type: 'server-state', at: now, server })
    for (const replica of replicas) this.host.tell(documentName, { type: 'replica-changed', at: now, replica })
    for (const gone of known?.replicas ?? []) if (!current.has(gone)) this.host.tell(documentName, { type: 'replica-left', at: now, connectionId: gone })
  }

  /** One of another node's events, for the viewers here. */
  private remoteEvent(documentName: string, node: string, event: LabEvent): void {
    if (!this.host.hasViewers(documentName)) return
    const board = this.boardOf(documentName)
    const known = board.nodes.get(node) ?? { seenAt: 0, replicas: new Set<string>() }
    known.seenAt = Date.now()
    board.nodes.set(node, known)
    if (event.type === 'replica-joined' || event.type === 'replica-changed') known.replicas.add(event.replica.connectionId)
    else if (event.type === 'replica-left') known.replicas.delete(event.connectionId)
    else if (event.type === 'node-left') board.nodes.delete(node)
    this.host.tell(documentName, event)
  }

  /** Nodes that stopped answering (killed, or cut off from Redis) leave the lab with their replicas. */
  private forgetQuietNodes(documentName: string, board: FederatedBoard): void {
    const now = Date.now()
    for (const [node, known] of board.nodes) {
      if (now - known.seenAt < NODE_TIMEOUT_MS) continue
      board.nodes.delete(node)
      for (const connectionId of known.replicas) this.host.tell(documentName, { type: 'replica-left', at: now, connectionId })
      this.host.tell(documentName, { type: 'node-left', at: now, nodeId: node })
    }
  }
}
