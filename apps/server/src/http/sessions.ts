import type { FastifyInstance } from 'fastify'
import { createSessionRequestSchema, findTemplate } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import { createSession, describeSession } from '../boards/create-session.ts'
import type { SessionRecord, Storage } from '../storage/types.ts'
import { ApiError } from './errors.ts'
import { requireSession } from './session-grant.ts'
import { parseBody } from './validation.ts'

type SessionParams = { Params: { id: string } }

/**
 * `POST /api/sessions` creates a class session (one board per team); `GET /api/sessions/:id`
 * lists it again for the holder of its instructor token, who may also rotate that token. An
 * unknown session and a wrong token get the same 404 as boards do.
 */
interface SessionRoutesOptions {
  storage: Storage
  access: BoardAccess
  createLimit: number
  /** Closes the open connections of the session's boards made with an instructor token older than `generation`; returns how many. */
  closeSessionConnections: (session: SessionRecord, generation: number) => number
}

export function registerSessionRoutes(app: FastifyInstance, { storage, access, createLimit, closeSessionConnections }: SessionRoutesOptions): void {
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
    const session = await requireSession(storage, access, request)
    reply.header('cache-control', 'no-store')
    return describeSession(storage, access, session)
  })

  // Revokes the instructor token on every team board at once; the answer holds the new links.
  app.post<SessionParams>('/api/sessions/:id/token/rotate', async (request, reply) => {
    const session = await requireSession(storage, access, request)
    const generation = await access.rotateSessionToken(session.id)
    const closed = closeSessionConnections(session, generation)
    request.log.info({ sessionId: session.id, generation, closedConnections: closed }, 'instructor token rotated')
    return reply.header('cache-control', 'no-store').send(await describeSession(storage, access, session))
  })
}
