import type { FastifyInstance } from 'fastify'
import type { Hocuspocus } from '@hocuspocus/server'

/** `GET /healthz`: liveness plus how much collaboration is going on. */
export function registerHealthRoutes(app: FastifyInstance, hocuspocus: Hocuspocus, startedAt: number): void {
  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
    return {
      status: 'ok',
      uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
      documents: hocuspocus.getDocumentsCount(),
      connections: hocuspocus.getConnectionsCount(),
    }
  })
}
