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

const CHANNEL = 'concord:lab'

const messageSchema = z.discriminatedUnion('kind', [
  /** A node has lab viewers for the document: the others that have it open report to it. */
  z.object({ kind: z.literal('interest'), node: z.string(), documentName: z.string() }),
  /** A node's own state and its replicas of the document, sent in answer to interest. */
  z.object({ kind: z.literal('state'), node: z.string(), documentName: z.string(), server: serverStateSchema, replicas: z.array(replicaSchema) }),
  /** One telemetry event of a node, while another node's viewers are interested. */
  z.object({ kind: z.literal('event'), node: z.string(), documentName: z.string(), event: labEventSchema }),
  /** An owner's fault command, checked by the node it came to: every node enforces it on its own connections. */
  z.object({ kind: z.literal('fault'), node: z.string(), documentName: z.string(), command: faultCommandSchema }),
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
  private handlers: LabRelayHandlers | null = null
  private faultHandler: ((documentName: string, command: FaultCommand) => void) | null = null

  constructor(
    private readonly pub: RedisClient,
    private readonly sub: RedisClient,
    private readonly log: Logger,
    /** This node's id, as its `ServerState.nodeId`. */
    readonly node: string,
  ) {
    sub.on('message', (_channel: string, message: string) => this.receive(message))
    sub.subscribe(CHANNEL).catch((error: unknown) => log.warn({ err: error }, 'could not subscribe to lab telemetry'))
  }

  listen(handlers: LabRelayHandlers): void {
    this.handlers = handlers
  }

  /** Receives fault commands that owners gave on other nodes. */
  onFault(handler: (documentName: string, command: FaultCommand) => void): void {
    this.faultHandler = handler
  }

  publishFault(documentName: string, command: FaultCommand): void {
    this.publish({ kind: 'fault', node: this.node, documentName, command })
  }

  announceInterest(documentName: string): void {
    this.publish({ kind: 'interest', node: this.node, documentName })
  }

  publishState(documentName: string, server: ServerState, replicas: Replica[]): void {
    this.publish({ kind: 'state', node: this.node, documentName, server, replicas })
  }

  publishEvent(documentName: string, event: LabEvent): void {
    this.publish({ kind: 'event', node: this.node, documentName, event })
  }

  close(): void {
    this.pub.disconnect(false)
    this.sub.disconnect(false)
  }

  private publish(message: RelayMessage): void {
    this.pub.publish(CHANNEL, JSON.stringify(message)).catch((error: unknown) => {
      this.log.warn({ err: error, documentName: message.documentName }, 'could not publish lab telemetry')
    })
  }

  private receive(raw: string): void {
    let message: RelayMessage
    try {
      message = messageSchema.parse(JSON.parse(raw))
    } catch {
      this.log.warn('ignored malformed lab telemetry from another node')
      return
    }
    if (message.node === this.node) return
    if (message.kind === 'fault') this.faultHandler?.(message.documentName, message.command)
    else if (message.kind === 'interest') this.handlers?.interest(message.documentName, message.node)
    else if (message.kind === 'state') this.handlers?.state(message.documentName, message.node, message.server, message.replicas)
    else this.handlers?.event(message.documentName, message.node, message.event)
  }
}
