import { randomUUID } from 'node:crypto'
import type RedisClient from 'ioredis'
import type { Logger } from 'pino'
import { z } from 'zod'
import { boardControlsSchema, type BoardControls } from '@concord/shared'

const CHANNEL = 'concord:board-controls'

const messageSchema = z.object({ node: z.string(), boardId: z.string(), controls: boardControlsSchema })

/**
 * Tells the other nodes when a board's controls change here, so a lock binds the board's
 * connections on every node, not only on the node the owner is connected to (the controls
 * themselves are in the shared database; this carries the change as it happens). Redis drops
 * what is published while a subscriber is disconnected, so every reconnection is announced
 * (`onResubscribed`): whatever changed meanwhile must be read from the database again.
 */
export class BoardControlsRelay {
  private readonly node = randomUUID()
  private handler: ((boardId: string, controls: BoardControls) => void) | null = null
  private resubscribed: (() => void) | null = null
  private subscribedBefore = false

  constructor(
    private readonly pub: RedisClient,
    private readonly sub: RedisClient,
    private readonly log: Logger,
  ) {
    sub.on('message', (_channel: string, message: string) => this.receive(message))
    // ioredis subscribes again by itself after a reconnection, then says it is ready.
    sub.on('ready', () => {
      if (this.subscribedBefore) {
        log.info('board controls channel reconnected: reading controls again')
        this.resubscribed?.()
      }
      this.subscribedBefore = true
    })
    sub.subscribe(CHANNEL).catch((error: unknown) => log.warn({ err: error }, 'could not subscribe to board controls'))
  }

  /** Receives other nodes' changes. */
  onChange(handler: (boardId: string, controls: BoardControls) => void): void {
    this.handler = handler
  }

  /** Called after each reconnection of the subscription, when changes may have been missed. */
  onResubscribed(handler: () => void): void {
    this.resubscribed = handler
  }

  publish(boardId: string, controls: BoardControls): void {
    this.pub.publish(CHANNEL, JSON.stringify({ node: this.node, boardId, controls })).catch((error: unknown) => {
      this.log.warn({ err: error, boardId }, 'could not publish a board controls change')
    })
  }

  close(): void {
    this.pub.disconnect(false)
    this.sub.disconnect(false)
  }

  private receive(raw: string): void {
    let message: z.infer<typeof messageSchema>
    try {
      message = messageSchema.parse(JSON.parse(raw))
    } catch {
      this.log.warn('ignored a malformed board controls change')
      return
    }
    if (message.node !== this.node) this.handler?.(message.boardId, message.controls)
  }
}
