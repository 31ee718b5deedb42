import type { FastifyInstance } from 'fastify'
import type { ConcordMetrics } from '../metrics.ts'

/** `GET /metrics`: the server's metrics in the Prometheus text format. */
export function registerMetricsRoute(app: FastifyInstance, metrics: ConcordMetrics): void {
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await metrics.render()
    reply.header('cache-control', 'no-store').type(contentType)
    return body
  })
}
