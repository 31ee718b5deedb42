import type { FastifyInstance } from 'fastify'
import { createSessionRequestSchema, findTemplate } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import { createSession, describeSession } from '../boards/create-session.ts'
import type { Storage } from '../storage/types.ts'
import { bearerToken } from './board-grant.ts'
import { ApiError, boardNotFound } from './errors.ts'
import { parseBody } from './validation.ts'

type SessionParams = { Params: { id: string } }

/**
 * `POST /api/sessions` creates a class session (one board per team); `GET /api/sessions/:id`
 * lists it again for the holder of its instructor token. An unknown session and a wrong token get
 * the same 404 as boards do.
 */
export function registerSessionRoutes(app: FastifyInstance, { storage, access, createLimit }: { storage: Storage; access: BoardAccess; createLimit: number }): void {
  app.post(
    '/api/sessions',
    {
      config: {
        rateLimit: {
          max: createLimit,
          timeWindow: 60_000,
          errorResponseBuilder: (_request: unknown, context: { after: string }) =>
            new ApiError(429, 'rate_limited', `Too many sessions created from this address; try again in ${context.after}.`),
        },
      },
    },
    async (request, reply) => {
      const body = parseBody(createSessionRequestSchema, request.body)
      if (body.template !== null && !findTemplate(body.template)) {
        throw new ApiError(400, 'invalid_request', `unknown template "${body.template}"`)
      }
      const session = await createSession(storage, access, body)
      request.log.info({ sessionId: session.id, teams: session.teams.length }, 'session created')
      return reply.code(201).header('cache-control', 'no-store').send(session)
    },
  )

  app.get<SessionParams>('/api/sessions/:id', async (request, reply) => {
    const session = await storage.getSession(request.params.id)
    if (!session || !(await access.checkSession(session.id, bearerToken(request)))) {
      request.log.info('session access refused')
      throw boardNotFound()
    }
    reply.header('cache-control', 'no-store')
    return describeSession(storage, access, session)
  })
}
