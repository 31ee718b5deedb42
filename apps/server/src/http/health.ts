import type { FastifyInstance } from 'fastify'
import type { Hocuspocus } from '@hocuspocus/server'
import type { GroupCommit } from '../collab/group-commit.ts'
import type { Storage } from '../storage/types.ts'

export interface HealthSources {
  hocuspocus: Hocuspocus
  storage: Storage
  commits: GroupCommit
  startedAt: number
  isClosing: () => boolean
}

/**
 * `GET /healthz`: liveness (the process answers) plus how much collaboration is going on.
 * `GET /readyz`: whether to send users here: not shutting down, the database answers and the
 * last group commit succeeded (otherwise edits are not being acknowledged); 503 with reasons if not.
 */
export function registerHealthRoutes(app: FastifyInstance, sources: HealthSources): void {
  const { hocuspocus, storage, commits, startedAt, isClosing } = sources

  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
    return {
      status: 'ok',
      uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
      documents: hocuspocus.getDocumentsCount(),
      connections: hocuspocus.getConnectionsCount(),
    }
  })

  app.get('/readyz', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
    const reasons: string[] = []
    if (isClosing()) reasons.push('shutting down')
    try {
      await storage.ping()
    } catch {
      reasons.push('database unreachable')
    }
    if (commits.failing) reasons.push('database refuses writes; edits are not being acknowledged')
    if (reasons.length > 0) return reply.code(503).send({ status: 'not ready', reasons })
    return { status: 'ready' }
  })
}
