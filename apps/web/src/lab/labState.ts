import type { Fault, LabServerMessage, Replica, ServerState, UpdateLeg } from '@concord/shared'

/** How far back the space-time diagram can scroll. */
export const LAB_HISTORY_MS = 5 * 60_000
/** At most this many update legs are kept, whatever the history window. */
const MAX_LEGS = 4000

export interface Convergence {
  at: number
  healedAt: number
  ms: number
  replicas: number
}

/** What a lab viewer knows about the board's replication, built from the server's telemetry. */
export interface LabState {
  subscribed: boolean
  /** The server node this lab is connected to. */
  localNode: string | null
  /** Every server node serving the board, by node id (one unless the server runs several nodes). */
  servers: ReadonlyMap<string, ServerState>
  /** By connection id. */
  replicas: ReadonlyMap<string, Replica>
  /**
   * Connections that closed within the history window, by connection id: a reconnect (after a
   * heal, say) is a new connection of the same replica, and the old one's messages stay in the
   * diagram; a replica with no open connection left is shown offline.
   */
  departed: ReadonlyMap<string, { replica: Replica; leftAt: number }>
  faults: readonly Fault[]
  /** Oldest first. */
  legs: readonly UpdateLeg[]
  converged: Convergence | null
  refusal: string | null
}

export const EMPTY_LAB_STATE: LabState = {
  subscribed: false,
  localNode: null,
  servers: new Map(),
  replicas: new Map(),
  departed: new Map(),
  faults: [],
  legs: [],
  converged: null,
  refusal: null,
}

/** The lab state after one message from the server. Pure, so it can be tested on its own. */
export function reduceLab(state: LabState, message: LabServerMessage): LabState {
  switch (message.type) {
    case 'snapshot':
      return {
        ...state,
        subscribed: true,
        localNode: message.server.nodeId,
        servers: new Map([[message.server.nodeId, message.server]]),
        replicas: new Map(message.replicas.map((replica) => [replica.connectionId, replica])),
        faults: message.faults,
      }
    case 'refused':
      return { ...state, refusal: message.reason }
    case 'your-fault':
      return state
    case 'event': {
      const { event } = message
      switch (event.type) {
        case 'replica-joined':
        case 'replica-changed': {
          const replicas = new Map(state.replicas)
          replicas.set(event.replica.connectionId, event.replica)
          return { ...state, replicas }
        }
        case 'replica-left': {
          const replicas = new Map(state.replicas)
          const left = replicas.get(event.connectionId)
          replicas.delete(event.connectionId)
          const departed = new Map([...state.departed].filter(([, d]) => d.leftAt >= event.at - LAB_HISTORY_MS))
          if (left) departed.set(event.connectionId, { replica: left, leftAt: event.at })
          return { ...state, replicas, departed }
        }
        case 'update': {
          const horizon = event.at - LAB_HISTORY_MS
          const kept = state.legs.filter((leg) => leg.at >= horizon)
          return { ...state, legs: [...kept.slice(Math.max(0, kept.length - MAX_LEGS + 1)), event.leg] }
        }
        case 'server-state':
          return { ...state, servers: new Map(state.servers).set(event.server.nodeId, event.server) }
        case 'node-left': {
          const servers = new Map(state.servers)
          servers.delete(event.nodeId)
          const replicas = new Map(state.replicas)
          const departed = new Map(state.departed)
          for (const [id, replica] of state.replicas) {
            if (replica.nodeId !== event.nodeId) continue
            replicas.delete(id)
            departed.set(id, { replica, leftAt: event.at })
          }
          return { ...state, servers, replicas, departed }
        }
        case 'faults':
          return { ...state, faults: event.faults }
        case 'converged':
          return { ...state, converged: { at: event.at, healedAt: event.healedAt, ms: event.ms, replicas: event.replicas } }
      }
    }
  }
}

/** The Yjs client id a connection belongs to, once known. */
export function clientIdOf(replica: Replica): number | null {
  return replica.clientId ?? replica.report?.clientId ?? null
}

/** The diagram lane of a connection: one per replica (Yjs client id), so its reconnects share it. */
export function laneKey(state: LabState, connectionId: string): string {
  const replica = state.replicas.get(connectionId) ?? state.departed.get(connectionId)?.replica
  const clientId = replica ? clientIdOf(replica) : null
  return clientId === null ? `connection:${connectionId}` : `client:${clientId}`
}

/** Replicas that left and have no open connection any more: offline (or gone). */
export function offlineReplicas(state: LabState): Replica[] {
  const online = new Set([...state.replicas.keys()].map((id) => laneKey(state, id)))
  const seen = new Set<string>()
  const offline: Replica[] = []
  for (const [id, { replica }] of [...state.departed].reverse()) {
    const key = laneKey(state, id)
    if (online.has(key) || seen.has(key)) continue
    seen.add(key)
    offline.push(replica)
  }
  return offline
}

/** The state of the server node a replica is connected to, once known. */
export function serverOf(state: LabState, replica: Replica): ServerState | null {
  return state.servers.get(replica.nodeId) ?? null
}

/** Whether every replica that has reported, and every server node, has the digest of the lab's own node. */
export function convergence(state: LabState): 'converged' | 'diverged' | 'unknown' {
  const local = state.localNode === null ? undefined : state.servers.get(state.localNode)
  if (!local) return 'unknown'
  const digests = [...state.replicas.values()].map((replica) => replica.report?.digest).filter((d) => d !== undefined)
  if (digests.length === 0) return 'unknown'
  const all = [...digests, ...[...state.servers.values()].map((server) => server.digest)]
  return all.every((digest) => digest === local.digest) ? 'converged' : 'diverged'
}

/**
 * Whether a connection holds a copy of the board: every browser tab with the board open reports
 * its state on connect, and headless replicas sync over y-websocket. A browser connection that
 * never reports (the session dashboard, which only watches) is no replica and is left out.
 */
export function holdsCopy(replica: Replica): boolean {
  return replica.protocol === 'y-websocket' || replica.report !== null
}

/**
 * The replicas to show, in a stable order: by when each (by lane, so its reconnects count as
 * one) was first seen, so a heal, which reconnects replicas, does not reorder the lanes.
 */
export function shownReplicas(state: LabState): Replica[] {
  const firstSeen = new Map<string, number>()
  const note = (connectionId: string, at: number) => {
    const key = laneKey(state, connectionId)
    firstSeen.set(key, Math.min(firstSeen.get(key) ?? Infinity, at))
  }
  for (const [id, { replica }] of state.departed) note(id, replica.connectedAt)
  for (const [id, replica] of state.replicas) note(id, replica.connectedAt)
  const order = (replica: Replica) => firstSeen.get(laneKey(state, replica.connectionId)) ?? replica.connectedAt
  return [...state.replicas.values()].filter(holdsCopy).sort((a, b) => order(a) - order(b) || a.connectionId.localeCompare(b.connectionId))
}
