import { freePort } from '@concord/test-kit/free-port'
import { findPostgresBin, PostgresProcess } from './postgres-process.ts'
import { findRedisServer, RedisProcess } from './redis-process.ts'
import { ServerProcess } from './server-process.ts'

const redisServer = findRedisServer()
const postgresBin = findPostgresBin()

/** Why a multi-node test cannot run here (outside CI, where .ci/run installs both engines), or null. */
export const clusterUnavailable: string | null =
  redisServer && postgresBin ? null : 'needs redis-server and PostgreSQL (Debian packages), which .ci/run installs'

export interface NodeCluster {
  nodes: ServerProcess[]
  /** Runs SQL on the shared PostgreSQL database (a test's back door). */
  query(sql: string): string
  /** Stops every node (by PID), Redis and PostgreSQL. */
  dispose(): Promise<void>
}

/**
 * Server nodes sharing one PostgreSQL and one Redis, each started on a loopback port of its own,
 * and each offering all of them to web clients to fail over to (`CONCORD_NODES`).
 */
export async function startNodeCluster(size: number): Promise<NodeCluster> {
  if (!redisServer || !postgresBin) throw new Error('redis-server or PostgreSQL is not installed (.ci/run installs them)')
  const redis = new RedisProcess()
  const postgres = new PostgresProcess()
  const nodes: ServerProcess[] = []
  const dispose = async () => {
    await Promise.all(nodes.map((node) => node.dispose()))
    await Promise.all([redis.dispose(), postgres.dispose()])
  }
  try {
    await Promise.all([redis.start(redisServer), postgres.start(postgresBin)])
    const ports = await Promise.all(Array.from({ length: size }, () => freePort()))
    const env = {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      CONCORD_SECRET: 'cluster-test-secret-0123456789abcdef',
      CONCORD_NODES: ports.map((port) => `http://127.0.0.1:${port}`).join(','),
    }
    nodes.push(...ports.map((port) => new ServerProcess({ env: { ...env, PORT: String(port) } })))
    await Promise.all(nodes.map((node) => node.start()))
    return { nodes, dispose, query: (sql) => postgres.query(sql) }
  } catch (error) {
    await dispose()
    throw error
  }
}
