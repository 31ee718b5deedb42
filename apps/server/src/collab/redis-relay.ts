import { Redis } from '@hocuspocus/extension-redis'
import RedisClient from 'ioredis'
import type { Logger } from 'pino'
import { PresenceDepartures } from './presence-departures.ts'

/**
 * Relays every loaded board between the nodes through Redis pub/sub (Hocuspocus' Redis
 * extension, under this node's id): updates, presence (awareness) and stateless messages, plus
 * presence departures (`PresenceDepartures`). Redis stores nothing; the shared PostgreSQL does.
 * The extension's store lock also lets one node at a time compact a document on its debounce
 * (PostgreSQL's advisory lock guards every compaction anyway).
 */
export function createRedisRelay(redisUrl: string, node: string, log: Logger): [Redis, PresenceDepartures] {
  const connect = redisConnector(redisUrl, log)
  return [new Redis({ createClient: connect, identifier: node }), new PresenceDepartures(connect, node, log)]
}

/** Opens Redis connections that log outages instead of crashing the process (ioredis reconnects by itself). */
export function redisConnector(redisUrl: string, log: Logger): () => RedisClient {
  return () => {
    const client = new RedisClient(redisUrl)
    client.on('error', (error: Error) => log.warn({ err: error }, 'redis connection error'))
    return client
  }
}
