import type { Extension, Hocuspocus, onAwarenessUpdatePayload, onConfigurePayload } from '@hocuspocus/server'
import type RedisClient from 'ioredis'
import type { Logger } from 'pino'
import { removeAwarenessStates } from 'y-protocols/awareness'
import { z } from 'zod'
import { RedisChannel } from './redis-channel.ts'

/** Origin of removals this extension applies, so they are not announced again. */
const DEPARTURE_ORIGIN = 'concord-presence-departure'

const departureSchema = z.object({ documentName: z.string(), clients: z.array(z.number().int()) })
type Departure = z.infer<typeof departureSchema>

/**
 * Tells the other nodes when presence states leave a board here (a client closed its tab or
 * lost its connection), so its cursor disappears there at once rather than after the 30 s
 * presence timeout. Needed because Hocuspocus 4.7 re-encodes an incoming awareness update from
 * the states it leaves behind, so a removal relayed by the Redis extension arrives empty, and the
 * extension does not publish at all once a node has no client of the board left.
 */
export class PresenceDepartures implements Extension {
  extensionName = 'concord-presence-departures'

  private readonly channel: RedisChannel<Departure>
  private instance: Hocuspocus | undefined

  constructor(connect: () => RedisClient, node: string, log: Logger) {
    this.channel = new RedisChannel({ name: 'concord:presence-departures', schema: departureSchema, connect, node, log })
    this.channel.onMessage((departure) => this.receive(departure))
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance
  }

  async onAwarenessUpdate({ documentName, removed, transactionOrigin }: onAwarenessUpdatePayload): Promise<void> {
    if (removed.length === 0 || transactionOrigin === DEPARTURE_ORIGIN) return
    await this.channel.publish({ documentName, clients: removed })
  }

  async onDestroy(): Promise<void> {
    this.channel.close()
  }

  private receive(departure: Departure): void {
    const document = this.instance?.documents.get(departure.documentName)
    if (!document) return
    // A client that has since connected here (it failed over) stays.
    const local = new Set<number>()
    for (const { clients } of document.connections.values()) for (const client of clients) local.add(client)
    const gone = departure.clients.filter((client) => document.awareness.getStates().has(client) && !local.has(client))
    if (gone.length > 0) removeAwarenessStates(document.awareness, gone, DEPARTURE_ORIGIN)
  }
}
