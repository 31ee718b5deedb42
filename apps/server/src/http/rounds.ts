import type { FastifyInstance } from 'fastify'
import { roundSettingsSchema } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import { roundInfo } from '../peer-review/round-data.ts'
import type { ReviewRounds } from '../peer-review/rounds.ts'
import type { Storage } from '../storage/types.ts'
import { ApiError } from './errors.ts'
import { requireSession } from './session-grant.ts'
import { parseBody } from './validation.ts'

type SessionParams = { Params: { id: string } }
type RoundParams = { Params: { id: string; roundId: string } }

/** Review rounds of a session, for the holder of its instructor token: open one, list them, follow one's progress. */
export function registerRoundRoutes(app: FastifyInstance, { storage, access, rounds }: { storage: Storage; access: BoardAccess; rounds: ReviewRounds }): void {
  app.post<SessionParams>('/api/sessions/:id/rounds', async (request, reply) => {
    const session = await requireSession(storage, access, request)
    const round = await rounds.create(session, parseBody(roundSettingsSchema, request.body))
    request.log.info({ sessionId: session.id, roundId: round.id, assignments: round.assignments.length, missing: round.missing }, 'review round opened')
    return reply.code(201).header('cache-control', 'no-store').send(round)
  })

  app.get<SessionParams>('/api/sessions/:id/rounds', async (request, reply) => {
    const session = await requireSession(storage, access, request)
    return reply.header('cache-control', 'no-store').send({ rounds: (await rounds.list(session.id)).map(roundInfo) })
  })

  app.get<RoundParams>('/api/sessions/:id/rounds/:roundId', async (request, reply) => {
    const session = await requireSession(storage, access, request)
    const round = await rounds.get(session, request.params.roundId)
    if (!round) throw new ApiError(404, 'not_found', 'round not found')
    return reply.header('cache-control', 'no-store').send(await rounds.describe(round))
  })
}
