import type { FastifyInstance } from 'fastify'
import { calibrationSubmissionSchema, reviewFlagSchema, reviewRatingSchema, roundReviewContentSchema } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { Calibrations } from '../peer-review/calibration.ts'
import type { ReviewFeedback } from '../peer-review/review-feedback.ts'
import type { RoundReviews } from '../peer-review/round-reviews.ts'
import type { StudentPage } from '../peer-review/student-page.ts'
import { requireStudent } from './session-grant.ts'
import { parseBody } from './validation.ts'

type AssignmentParams = { Params: { assignmentId: string } }

interface MeRoutesOptions {
  access: BoardAccess
  page: StudentPage
  reviews: RoundReviews
  feedback: ReviewFeedback
  calibrations: Calibrations
}

/**
 * What a student's personal token opens: their page (`GET /api/me`) and their reviews of the
 * designs assigned to them (`/api/me/reviews/:assignmentId`: read, save a draft, submit), their
 * scores of a round's calibration example, and their ratings and flags of the reviews their team received.
 */
export function registerMeRoutes(app: FastifyInstance, { access, page, reviews, feedback, calibrations }: MeRoutesOptions): void {
  app.get('/api/me', async (request, reply) => {
    const student = await requireStudent(access, request)
    return reply.header('cache-control', 'no-store').send(await page.of(student))
  })

  app.get<AssignmentParams>('/api/me/reviews/:assignmentId', async (request, reply) => {
    const student = await requireStudent(access, request)
    return reply.header('cache-control', 'no-store').send({ review: await reviews.read(student, request.params.assignmentId) })
  })

  app.put<AssignmentParams>('/api/me/reviews/:assignmentId', async (request, reply) => {
    const student = await requireStudent(access, request)
    const content = parseBody(roundReviewContentSchema, request.body)
    return reply.header('cache-control', 'no-store').send({ review: await reviews.saveDraft(student, request.params.assignmentId, content) })
  })

  app.post<AssignmentParams>('/api/me/reviews/:assignmentId/submit', async (request, reply) => {
    const student = await requireStudent(access, request)
    return reply.header('cache-control', 'no-store').send({ review: await reviews.submit(student, request.params.assignmentId) })
  })

  app.put<{ Params: { roundId: string } }>('/api/me/rounds/:roundId/calibration', async (request, reply) => {
    const student = await requireStudent(access, request)
    const { scores } = parseBody(calibrationSubmissionSchema, request.body)
    return reply.header('cache-control', 'no-store').send({ scores: await calibrations.submit(student, request.params.roundId, scores) })
  })

  app.put<AssignmentParams>('/api/me/received/:assignmentId/rating', async (request, reply) => {
    const student = await requireStudent(access, request)
    const rating = parseBody(reviewRatingSchema, request.body)
    return reply.header('cache-control', 'no-store').send({ rating: await feedback.rate(student, request.params.assignmentId, rating) })
  })

  app.put<AssignmentParams>('/api/me/received/:assignmentId/flag', async (request, reply) => {
    const student = await requireStudent(access, request)
    const flag = parseBody(reviewFlagSchema, request.body)
    request.log.info({ assignmentId: request.params.assignmentId }, 'round review flagged')
    return reply.header('cache-control', 'no-store').send({ flag: await feedback.flag(student, request.params.assignmentId, flag) })
  })
}
