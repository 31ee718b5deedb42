import { MessageType } from '@hocuspocus/server'
import { authAnswerOf, AuthMessageType, broadcastTypeOf } from './frames.ts'

/** Refused tokens one socket may present before it is closed. */
export const AUTH_FAILURES_PER_SOCKET = 5

export interface SocketLimits {
  /** Bytes one socket may send before it has authenticated a document. */
  preAuthSocketBytes: number
  /** Bytes all sockets that have not authenticated a document yet may have sent, together. */
  preAuthTotalBytes: number
  /** Open sockets per client address. */
  connectionsPerAddress: number
}

/** Why a socket is closed: told to the client and logged. */
export type BudgetBreach = 'pre-auth budget exhausted' | 'too many refused tokens'

/**
 * What the collaboration sockets may cost before they prove a link: open sockets per client
 * address, and the bytes every not-yet-authenticated socket has sent (which Hocuspocus queues
 * until authentication), each and together. Each socket is accounted by a `SocketAccount`.
 * (Hocuspocus bounds each socket's queue too, but lets it close gracefully, reading on.)
 */
export class SocketBudget {
  private readonly open = new Map<string, number>()
  private preAuthBytes = 0

  constructor(private readonly limits: SocketLimits) {}

  /** Whether another socket from `address` may open. */
  admits(address: string): boolean {
    return (this.open.get(address) ?? 0) < this.limits.connectionsPerAddress
  }

  /** Opens the account of a new socket from `address`; `authenticated` for sockets checked at the upgrade (/yws). */
  account(address: string, authenticated: boolean): SocketAccount {
    this.open.set(address, (this.open.get(address) ?? 0) + 1)
    return new SocketAccount(this, address, authenticated)
  }

  /** Bytes held by unauthenticated sockets now (for the metrics). */
  get heldPreAuthBytes(): number {
    return this.preAuthBytes
  }

  /** @internal */
  get socketLimit(): number {
    return this.limits.preAuthSocketBytes
  }

  /** @internal */
  reserve(bytes: number): boolean {
    if (this.preAuthBytes + bytes > this.limits.preAuthTotalBytes) return false
    this.preAuthBytes += bytes
    return true
  }

  /** @internal */
  release(bytes: number): void {
    this.preAuthBytes -= bytes
  }

  /** @internal */
  closed(address: string): void {
    const count = (this.open.get(address) ?? 1) - 1
    if (count <= 0) this.open.delete(address)
    else this.open.set(address, count)
  }
}

/** One socket's share of the budget: what it sent before authenticating, and its refused tokens. */
export class SocketAccount {
  private preAuthBytes = 0
  private failures = 0
  private done = false

  constructor(
    private readonly budget: SocketBudget,
    readonly address: string,
    private authenticated: boolean,
  ) {}

  /** A frame from the client; the breach when the socket must be closed instead of handling it. */
  received(bytes: number): BudgetBreach | null {
    if (this.authenticated) return null
    if (this.preAuthBytes + bytes > this.budget.socketLimit || !this.budget.reserve(bytes)) return 'pre-auth budget exhausted'
    this.preAuthBytes += bytes
    return null
  }

  /** A frame to the client: follows its authentication answers. The breach when the socket must be closed. */
  sent(frame: Uint8Array): BudgetBreach | null {
    // Most frames are broadcasts, whose type is read once for all sockets.
    if (broadcastTypeOf(frame) !== MessageType.Auth) return null
    const answer = authAnswerOf(frame)
    if (answer === AuthMessageType.Authenticated && !this.authenticated) {
      // Hocuspocus has handed the queued frames to the document: they no longer wait.
      this.authenticated = true
      this.releasePreAuth()
    } else if (answer === AuthMessageType.PermissionDenied && ++this.failures >= AUTH_FAILURES_PER_SOCKET) {
      return 'too many refused tokens'
    }
    return null
  }

  /** The socket closed. */
  close(): void {
    if (this.done) return
    this.done = true
    this.releasePreAuth()
    this.budget.closed(this.address)
  }

  private releasePreAuth(): void {
    this.budget.release(this.preAuthBytes)
    this.preAuthBytes = 0
  }
}

