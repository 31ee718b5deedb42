import type { FastifyInstance, FastifyRequest } from 'fastify'
import { gradeWeightsSchema, reviewHiddenSchema } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { ReviewFeedback } from '../peer-review/review-feedback.ts'
import type { RoundExports } from '../peer-review/round-exports.ts'
import type { ReviewRounds } from '../peer-review/rounds.ts'
import type { Round } from '../peer-review/round-data.ts'
import type { Storage } from '../storage/types.ts'
import { ApiError } from './errors.ts'
import { requireSession } from './session-grant.ts'
import { parseBody } from './validation.ts'

type RoundParams = { Params: { id: string; roundId: string } }

interface RoundGradingOptions {
  storage: Storage
  access: BoardAccess
  rounds: ReviewRounds
  feedback: ReviewFeedback
  exports: RoundExports
}

/** Grading a round, for the holder of the session's instructor token: hide reviews, set the weights, download grades and reviews. */
export function registerRoundGradingRoutes(app: FastifyInstance, { storage, access, rounds, feedback, exports }: RoundGradingOptions): void {
  async function requireRound(request: FastifyRequest<RoundParams>): Promise<Round> {
    const round = await rounds.get(await requireSession(storage, access, request), request.params.roundId)
    if (!round) throw new ApiError(404, 'not_found', 'round not found')
    return round
  }

  app.put<{ Params: { id: string; roundId: string; assignmentId: string } }>('/api/sessions/:id/rounds/:roundId/reviews/:assignmentId/hidden', async (request, reply) => {
    const round = await requireRound(request)
    const { hidden } = parseBody(reviewHiddenSchema, request.body)
    if (!(await feedback.setHidden(round, request.params.assignmentId, hidden))) throw new ApiError(404, 'not_found', 'review not found')
    request.log.info({ roundId: round.id, assignmentId: request.params.assignmentId, hidden }, 'round review hidden state set')
    return reply.header('cache-control', 'no-store').send({ hidden })
  })

  app.put<RoundParams>('/api/sessions/:id/rounds/:roundId/weights', async (request, reply) => {
    const round = await rounds.setWeights(await requireRound(request), parseBody(gradeWeightsSchema, request.body))
    return reply.header('cache-control', 'no-store').send({ weights: round.weights })
  })

  app.get<RoundParams>('/api/sessions/:id/rounds/:roundId/grades.csv', async (request, reply) => {
    const csv = await exports.gradesCsv(await requireRound(request))
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="grades.csv"')
      .type('text/csv; charset=utf-8')
      .send(csv)
  })

  app.get<{ Params: { id: string; roundId: string; team: string } }>('/api/sessions/:id/rounds/:roundId/teams/:team/reviews.md', async (request, reply) => {
    const round = await requireRound(request)
    const team = Number(request.params.team)
    const markdown = Number.isInteger(team) ? await exports.teamReviews(round, team) : null
    if (markdown === null) throw new ApiError(404, 'not_found', 'the team has no submission in this round')
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="team-${team}-reviews.md"`)
      .type('text/markdown; charset=utf-8')
      .send(markdown)
  })
}
