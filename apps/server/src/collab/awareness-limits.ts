import type { beforeHandleAwarenessPayload, Connection, Extension } from '@hocuspocus/server'
import type { Logger } from 'pino'
import type { ConcordMetrics } from '../metrics.ts'
import { ConnectionLog } from './connection-log.ts'
import type { CollabContext } from './context.ts'

/** Size of one awareness state, as JSON characters, above which it is dropped. */
export const DEFAULT_AWARENESS_STATE_BYTES = 8 * 1024

/** A state of another client that the connection relays: dropped without a word (the owner's own is authoritative). */
const ECHO = 'echo'

interface Claims {
  /** The Yjs client id whose awareness this connection may set, fixed by its first state. */
  clientId: number
  /** The user id its state claims, if any. */
  userId: string | null
}

/**
 * What one connection may put into a document's awareness (the rate is the frame limiter's):
 * - only the state of its own Yjs client id, the one of its first state; states for any other
 *   client id (another connection's cursor, or thousands of fake ones) are dropped;
 * - states of at most `maxStateBytes` as JSON;
 * - a user id no other live connection on the document already shows: capability links carry no
 *   user identity, so the server cannot check a name, but it can keep one connection from showing
 *   up as a user who is already there (the first connection keeps the id);
 * - the `role` field is the server's: it is stamped from the connection's link, whatever the
 *   client wrote.
 */
export class AwarenessLimits implements Extension {
  extensionName = 'concord-awareness-limits'

  private readonly claims = new WeakMap<Connection, Claims>()
  /** Per document: which connection shows each user id. */
  private readonly users = new Map<string, Map<string, Connection>>()

  constructor(
    private readonly log: Logger,
    private readonly metrics: ConcordMetrics,
    private readonly maxStateBytes = DEFAULT_AWARENESS_STATE_BYTES,
  ) {}

  async beforeHandleAwareness({ connection, context, states, documentName }: beforeHandleAwarenessPayload<CollabContext>): Promise<void> {
    if (!connection || !context) return
    dropScratchState(states, connection)
    for (const [clientId, state] of [...states]) {
      const problem = this.problemOf(connection, documentName, clientId, state)
      if (problem === ECHO) {
        states.delete(clientId)
      } else if (problem) {
        states.delete(clientId)
        this.metrics.limitedMessages.inc({ kind: 'awareness-state' })
        ConnectionLog.of(connection, this.log).warn({ documentName, socketId: connection.socketId, clientId, problem }, 'awareness state dropped')
      } else if (state !== null && typeof state === 'object') {
        ;(state as Record<string, unknown>).role = context.role
      }
    }
  }

  private problemOf(connection: Connection, documentName: string, clientId: number, state: unknown): string | null {
    const known = connection.document.awareness.getStates().has(clientId)
    let claims = this.claims.get(connection)
    if (!claims) {
      // Clients relay the states they hear (y-protocols sends every change it sees), so only a
      // new client id with a state can be this connection's own.
      if (known || state === null) return ECHO
      claims = { clientId, userId: null }
      this.claims.set(connection, claims)
      connection.onClose(() => this.release(documentName, connection))
    }
    if (claims.clientId !== clientId) return known ? ECHO : 'client id of another connection'
    if (claims.clientId !== clientId) return 'client id of another connection'
    if (state === null) return null
    if (jsonLength(state) > this.maxStateBytes) return `state larger than ${this.maxStateBytes} bytes`
    const userId = userIdOf(state)
    if (userId !== claims.userId) {
      const users = this.usersOf(documentName)
      const holder = userId === null ? undefined : users.get(userId)
      if (holder && holder !== connection) return 'user id shown by another connection'
      if (claims.userId !== null && users.get(claims.userId) === connection) users.delete(claims.userId)
      if (userId !== null) users.set(userId, connection)
      claims.userId = userId
    }
    return null
  }

  private usersOf(documentName: string): Map<string, Connection> {
    let users = this.users.get(documentName)
    if (!users) {
      users = new Map()
      this.users.set(documentName, users)
    }
    return users
  }

  private release(documentName: string, connection: Connection): void {
    const userId = this.claims.get(connection)?.userId
    const users = this.users.get(documentName)
    if (userId != null && users?.get(userId) === connection) users.delete(userId)
    if (users?.size === 0) this.users.delete(documentName)
  }
}

/**
 * Hocuspocus (4.7) decodes each awareness frame into a scratch Awareness whose own local state,
 * an empty object under a fresh random client id, comes first in `states` and would reach the
 * document as one more phantom client per frame. It is nobody's state: removed.
 */
function dropScratchState(states: Map<number, unknown>, connection: Connection): void {
  const first = states.entries().next()
  if (first.done) return
  const [clientId, state] = first.value
  const empty = state !== null && typeof state === 'object' && Object.keys(state).length === 0
  if (empty && !connection.document.awareness.getStates().has(clientId)) states.delete(clientId)
}

/** JSON length of a state; infinite for one too deep to serialise. */
function jsonLength(state: unknown): number {
  try {
    return JSON.stringify(state).length
  } catch {
    return Number.POSITIVE_INFINITY
  }
}

/** The user id a state shows: tldraw's presence record's, or the lab's `user`. */
function userIdOf(state: unknown): string | null {
  const fields = state as { presence?: { userId?: unknown }; user?: { id?: unknown } }
  const id = fields.presence?.userId ?? fields.user?.id
  return typeof id === 'string' ? id : null
}
