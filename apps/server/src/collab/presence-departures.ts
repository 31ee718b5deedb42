import { randomUUID } from 'node:crypto'
import type { Extension, Hocuspocus, onAwarenessUpdatePayload, onConfigurePayload } from '@hocuspocus/server'
import type RedisClient from 'ioredis'
import type { Logger } from 'pino'
import { removeAwarenessStates } from 'y-protocols/awareness'
import { z } from 'zod'

const CHANNEL = 'concord:presence-departures'

/** Origin of removals this extension applies, so they are not announced again. */
const DEPARTURE_ORIGIN = 'concord-presence-departure'

const departureSchema = z.object({ node: z.string(), documentName: z.string(), clients: z.array(z.number().int()) })

/**
 * Tells the other nodes when presence states leave a board here (a client closed its tab or
 * lost its connection), so its cursor disappears there at once rather than after the 30 s
 * presence timeout. Needed because Hocuspocus 4.7 re-encodes an incoming awareness update from
 * the states it leaves behind, so a removal relayed by the Redis extension arrives empty, and the
 * extension does not publish at all once a node has no client of the board left.
 */
export class PresenceDepartures implements Extension {
  extensionName = 'concord-presence-departures'

  private readonly node = randomUUID()
  private instance: Hocuspocus | undefined

  constructor(
    private readonly pub: RedisClient,
    private readonly sub: RedisClient,
    private readonly log: Logger,
  ) {
    sub.on('message', (_channel: string, message: string) => this.receive(message))
    sub.subscribe(CHANNEL).catch((error: unknown) => log.warn({ err: error }, 'could not subscribe to presence departures'))
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance
  }

  async onAwarenessUpdate({ documentName, removed, transactionOrigin }: onAwarenessUpdatePayload): Promise<void> {
    if (removed.length === 0 || transactionOrigin === DEPARTURE_ORIGIN) return
    const message = JSON.stringify({ node: this.node, documentName, clients: removed })
    await this.pub.publish(CHANNEL, message).catch((error: unknown) => {
      this.log.warn({ err: error }, 'could not publish a presence departure')
    })
  }

  async onDestroy(): Promise<void> {
    this.pub.disconnect(false)
    this.sub.disconnect(false)
  }

  private receive(raw: string): void {
    let departure: z.infer<typeof departureSchema>
    try {
      departure = departureSchema.parse(JSON.parse(raw))
    } catch {
      this.log.warn('ignored a malformed presence departure')
      return
    }
    if (departure.node === this.node) return
    const document = this.instance?.documents.get(departure.documentName)
    if (!document) return
    // A client that has since connected here (it failed over) stays.
    const local = new Set<number>()
    for (const { clients } of document.connections.values()) for (const client of clients) local.add(client)
    const gone = departure.clients.filter((client) => document.awareness.getStates().has(client) && !local.has(client))
    if (gone.length > 0) removeAwarenessStates(document.awareness, gone, DEPARTURE_ORIGIN)
  }
}
