import type RedisClient from 'ioredis'
import type { Logger } from 'pino'
import { z } from 'zod'
import {
  faultCommandSchema,
  labEventSchema,
  replicaSchema,
  serverStateSchema,
  type FaultCommand,
  type LabEvent,
  type Replica,
  type ServerState,
} from '@concord/shared'
import { RedisChannel } from './redis-channel.ts'

const messageSchema = z.discriminatedUnion('kind', [
  /** A node has lab viewers for the document: the others that have it open report to it. */
  z.object({ kind: z.literal('interest'), documentName: z.string() }),
  /** A node's own state and its replicas of the document, sent in answer to interest. */
  z.object({ kind: z.literal('state'), documentName: z.string(), server: serverStateSchema, replicas: z.array(replicaSchema) }),
  /** One telemetry event of a node, while another node's viewers are interested. */
  z.object({ kind: z.literal('event'), documentName: z.string(), event: labEventSchema }),
  /** An owner's fault command, checked by the node it came to: every node enforces it on its own connections. */
  z.object({ kind: z.literal('fault'), documentName: z.string(), command: faultCommandSchema }),
])
type RelayMessage = z.infer<typeof messageSchema>

export interface LabRelayHandlers {
  interest(documentName: string, node: string): void
  state(documentName: string, node: string, server: ServerState, replicas: Replica[]): void
  event(documentName: string, node: string, event: LabEvent): void
}

/**
 * Carries the replication lab between server nodes (with several nodes, through Redis): the
 * telemetry, so a lab shows every node that has the board open with its replicas and their
 * traffic (nothing is published for a board unless some node has lab viewers for it), and the
 * owner's fault commands, so a replica is partitioned whichever node it is connected to.
 */
export class LabRelay {
  private readonly channel: RedisChannel<RelayMessage>
  private handlers: LabRelayHandlers | null = null
  private faultHandler: ((documentName: string, command: FaultCommand) => void) | null = null

  constructor(connect: () => RedisClient, node: string, log: Logger) {
    this.channel = new RedisChannel({ name: 'concord:lab', schema: messageSchema, connect, node, log })
    this.channel.onMessage((message, from) => this.receive(message, from))
  }

  listen(handlers: LabRelayHandlers): void {
    this.handlers = handlers
  }

  /** Receives fault commands that owners gave on other nodes. */
  onFault(handler: (documentName: string, command: FaultCommand) => void): void {
    this.faultHandler = handler
  }

  publishFault(documentName: string, command: FaultCommand): void {
    void this.channel.publish({ kind: 'fault', documentName, command })
  }

  announceInterest(documentName: string): void {
    void this.channel.publish({ kind: 'interest', documentName })
  }

  publishState(documentName: string, server: ServerState, replicas: Replica[]): void {
    void this.channel.publish({ kind: 'state', documentName, server, replicas })
  }

  publishEvent(documentName: string, event: LabEvent): void {
    void this.channel.publish({ kind: 'event', documentName, event })
  }

  close(): void {
    this.channel.close()
  }

  private receive(message: RelayMessage, from: string): void {
    if (message.kind === 'fault') this.faultHandler?.(message.documentName, message.command)
    else if (message.kind === 'interest') this.handlers?.interest(message.documentName, from)
    else if (message.kind === 'state') this.handlers?.state(message.documentName, from, message.server, message.replicas)
    else this.handlers?.event(message.documentName, from, message.event)
  }
}
