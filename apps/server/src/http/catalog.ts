import type { FastifyInstance } from 'fastify'
import { CATALOG } from '@concord/shared'

/** The catalog changes only with a deploy, so it is serialized once. */
const body = JSON.stringify(CATALOG)

/** `GET /api/catalog`: the architecture catalog (kinds, containers, connection properties, templates). */
export function registerCatalogRoutes(app: FastifyInstance): void {
  app.get('/api/catalog', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300')
    reply.type('application/json; charset=utf-8')
    return body
  })
}
