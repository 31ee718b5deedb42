import { Redis } from '@hocuspocus/extension-redis'
import type { afterUnloadDocumentPayload, onAwarenessUpdatePayload } from '@hocuspocus/server'
import RedisClient from 'ioredis'
import type { Logger } from 'pino'
import { PresenceDepartures } from './presence-departures.ts'
import { DEFAULT_PRESENCE_TICK_MS, PresenceTick } from './presence-tick.ts'

/**
 * Relays every loaded board between the nodes through Redis pub/sub (Hocuspocus' Redis
 * extension, under this node's id): updates, presence (awareness, in batches: `BatchedRedis`)
 * and stateless messages, plus presence departures (`PresenceDepartures`). Redis stores nothing;
 * the shared PostgreSQL does. The extension's store lock also lets one node at a time compact a
 * document on its debounce (PostgreSQL's advisory lock guards every compaction anyway).
 */
export function createRedisRelay(redisUrl: string, node: string, log: Logger, presenceTickMs = DEFAULT_PRESENCE_TICK_MS): [Redis, PresenceDepartures] {
  const connect = redisConnector(redisUrl, log)
  return [new BatchedRedis({ createClient: connect, identifier: node }, presenceTickMs, log), new PresenceDepartures(connect, node, log)]
}

/**
 * The Redis extension publishing a document's presence once per presence tick (one message with
 * every client that changed, each at its latest state) instead of once per event-loop turn with
 * a change. The receiving node applies it and batches its own fan-out (`PresenceBatching`).
 */
class BatchedRedis extends Redis {
  private readonly ticks = new Map<string, { tick: PresenceTick; latest: onAwarenessUpdatePayload }>()

  constructor(
    configuration: ConstructorParameters<typeof Redis>[0],
    private readonly tickMs: number,
    private readonly log: Logger,
  ) {
    super(configuration)
  }

  override async onAwarenessUpdate(payload: onAwarenessUpdatePayload): Promise<void> {
    let batch = this.ticks.get(payload.documentName)
    if (batch?.latest.document !== payload.document) {
      // New, or the document was reloaded under the same name: what was pending described the old one.
      batch?.tick.dispose()
      const created = {
        latest: payload,
        tick: new PresenceTick(this.tickMs, (clients) => {
          // On a timer, outside the hook guard: a failure is logged here.
          super.onAwarenessUpdate({ ...created.latest, added: [], updated: clients, removed: [] }).catch((error: unknown) => {
            this.log.warn({ err: error, documentName: created.latest.documentName }, 'could not relay presence')
          })
        }),
      }
      batch = created
      this.ticks.set(payload.documentName, batch)
    }
    batch.latest = payload
    batch.tick.add([...payload.added, ...payload.updated, ...payload.removed])
  }

  override async afterUnloadDocument(payload: afterUnloadDocumentPayload): Promise<void> {
    if (!payload.instance.documents.has(payload.documentName)) {
      this.ticks.get(payload.documentName)?.tick.dispose()
      this.ticks.delete(payload.documentName)
    }
    await super.afterUnloadDocument(payload)
  }
}

/** Opens Redis connections that log outages instead of crashing the process (ioredis reconnects by itself). */
export function redisConnector(redisUrl: string, log: Logger): () => RedisClient {
  return () => {
    const client = new RedisClient(redisUrl)
    client.on('error', (error: Error) => log.warn({ err: error }, 'redis connection error'))
    return client
  }
}
