import type RedisClient from 'ioredis'
import type { Logger } from 'pino'
import { z } from 'zod'
import { roleSchema } from '@concord/shared'
import type { BoardConnections } from './board-connections.ts'
import type { CollabContext } from './context.ts'
import { RedisChannel } from './redis-channel.ts'

const generation = z.number().int().nonnegative()

const revocationSchema = z.discriminatedUnion('kind', [
  /** A board's link of `role` rotated to `generation`. */
  z.object({ kind: z.literal('role'), boardId: z.string(), role: roleSchema, generation }),
  /** A class session's instructor token rotated to `generation`, on each of the session's boards. */
  z.object({ kind: z.literal('instructor'), boardIds: z.array(z.string()), generation }),
  /** A student's personal token rotated to `generation`, on their team's board. */
  z.object({ kind: z.literal('student'), boardId: z.string(), key: z.string(), generation }),
  /** A board was deleted: every connection to it ends. */
  z.object({ kind: z.literal('deleted'), boardId: z.string() }),
])

/** Tokens that stopped opening a board: the connections made with them must end. */
export type Revocation = z.infer<typeof revocationSchema>

export type RevocationChannel = RedisChannel<Revocation>

/** The Redis channel on which a node tells the others which connections a rotation revoked. */
export function revocationChannel(connect: () => RedisClient, node: string, log: Logger): RevocationChannel {
  return new RedisChannel({ name: 'concord:revocations', schema: revocationSchema, connect, node, log })
}

/**
 * Ends the open connections a token rotation or a board deletion revoked, on every node: here at
 * once, and on the other nodes through the channel (with several nodes, the revoked client may be
 * connected to any of them). The new generation is stored (or the board deleted) before the
 * announcement, so a client that reconnects anywhere is refused by authentication.
 */
export class ConnectionRevocations {
  private deletedElsewhere: ((boardId: string) => void) | null = null

  constructor(
    private readonly connections: BoardConnections,
    /** With several nodes: carries revocations between them. */
    private readonly channel: RevocationChannel | null,
  ) {
    channel?.onMessage((revocation) => {
      this.closeHere(revocation)
      if (revocation.kind === 'deleted') this.deletedElsewhere?.(revocation.boardId)
    })
  }

  /** Runs `handler` here once another node deleted a board and its connections here are closed. */
  onDeletedElsewhere(handler: (boardId: string) => void): void {
    this.deletedElsewhere = handler
  }

  /** Closes the revoked connections here and tells the other nodes; returns how many closed here. */
  revoke(revocation: Revocation): number {
    void this.channel?.publish(revocation)
    return this.closeHere(revocation)
  }

  close(): void {
    this.channel?.close()
  }

  private closeHere(revocation: Revocation): number {
    switch (revocation.kind) {
      case 'role':
        return this.connections.close(revocation.boardId, (context) => context.role === revocation.role && context.generation < revocation.generation)
      case 'instructor':
        return revocation.boardIds.reduce((closed, boardId) => closed + this.connections.close(boardId, (context) => olderInstructor(context, revocation.generation)), 0)
      case 'student':
        return this.connections.close(revocation.boardId, (context) => context.student?.key === revocation.key && context.student.generation < revocation.generation)
      case 'deleted':
        return this.connections.close(revocation.boardId)
    }
  }
}

function olderInstructor(context: CollabContext, generation: number): boolean {
  return context.sessionGeneration !== undefined && context.sessionGeneration < generation
}
