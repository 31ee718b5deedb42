import type RedisClient from 'ioredis'
import type { Logger } from 'pino'
import { z } from 'zod'

/** What every message carries besides its own fields: the node that sent it. */
const senderSchema = z.object({ node: z.string() })

export interface RedisChannelOptions<Message> {
  /** The Redis channel. */
  name: string
  /** Checks what arrives: other nodes are trusted no more than the network between them. */
  schema: z.ZodType<Message>
  /** Opens one Redis connection; a channel holds two (one subscribed, one publishing). */
  connect: () => RedisClient
  /** This node's id: sent with every message, so a node skips its own. */
  node: string
  log: Logger
}

/**
 * One typed pub/sub channel between the nodes. A message travels as JSON `{ node, ...message }`.
 * Redis drops what is published while a subscriber is disconnected, so every reconnection after
 * the first subscription is announced (`onResubscribed`) to whoever must read again what it may
 * have missed.
 */
export class RedisChannel<Message extends object> {
  private readonly pub: RedisClient
  private readonly sub: RedisClient
  private receiver: ((message: Message, from: string) => void) | null = null
  private resubscribed: (() => void) | null = null
  private subscribedBefore = false

  constructor(private readonly options: RedisChannelOptions<Message>) {
    const { name, connect, log } = options
    this.pub = connect()
    this.sub = connect()
    this.sub.on('message', (_channel: string, raw: string) => this.receive(raw))
    // ioredis subscribes again by itself after a reconnection, then says it is ready.
    this.sub.on('ready', () => {
      if (this.subscribedBefore) {
        log.info({ channel: name }, 'Redis channel reconnected: messages may have been missed')
        this.resubscribed?.()
      }
      this.subscribedBefore = true
    })
    this.sub.subscribe(name).catch((error: unknown) => log.warn({ err: error, channel: name }, 'could not subscribe to a Redis channel'))
  }

  /** Receives the other nodes' messages, with the id of the node that sent each. */
  onMessage(receiver: (message: Message, from: string) => void): void {
    this.receiver = receiver
  }

  /** Called after each reconnection of the subscription, when messages may have been missed. */
  onResubscribed(handler: () => void): void {
    this.resubscribed = handler
  }

  /** Resolves once published; a failure is logged, never thrown (pub/sub promises no delivery anyway). */
  async publish(message: Message): Promise<void> {
    const { name, node, log } = this.options
    await this.pub.publish(name, JSON.stringify({ node, ...message })).catch((error: unknown) => {
      log.warn({ err: error, channel: name }, 'could not publish on a Redis channel')
    })
  }

  close(): void {
    this.pub.disconnect(false)
    this.sub.disconnect(false)
  }

  private receive(raw: string): void {
    const { name, schema, node, log } = this.options
    let from: string
    let message: Message
    try {
      const json: unknown = JSON.parse(raw)
      from = senderSchema.parse(json).node
      message = schema.parse(json)
    } catch {
      log.warn({ channel: name }, 'ignored a malformed message on a Redis channel')
      return
    }
    if (from !== node) this.receiver?.(message, from)
  }
}
