import type { FastifyInstance } from 'fastify'
import type { NodesResponse } from '@concord/shared'

/** `GET /api/nodes`: the nodes a web client may fail over to (`CONCORD_NODES`). */
export function registerNodeRoutes(app: FastifyInstance, nodes: string[]): void {
  const body: NodesResponse = { nodes }
  app.get('/api/nodes', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=60')
    return body
  })
}
