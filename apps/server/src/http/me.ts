import type { FastifyInstance, FastifyReply, FastifyRequest, RouteGenericInterface } from 'fastify'
import { calibrationSubmissionSchema, reviewFlagSchema, reviewRatingSchema, roundReviewContentSchema } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { AssignedVersions } from '../peer-review/assigned-versions.ts'
import type { Calibrations } from '../peer-review/calibration.ts'
import type { ReviewFeedback } from '../peer-review/review-feedback.ts'
import type { RoundReviews } from '../peer-review/round-reviews.ts'
import type { StudentPage } from '../peer-review/student-page.ts'
import type { StudentRecord } from '../storage/peer-review-types.ts'
import { requireStudent } from './session-grant.ts'
import { parseBody } from './validation.ts'

type AssignmentParams = { Params: { assignmentId: string } }

interface MeRoutesOptions {
  access: BoardAccess
  page: StudentPage
  reviews: RoundReviews
  feedback: ReviewFeedback
  calibrations: Calibrations
  assigned: AssignedVersions
}

/**
 * What a student's personal token opens: their page (`GET /api/me`) and their reviews of the
 * designs assigned to them (`/api/me/reviews/:assignmentId`: read, save a draft, submit, and the
 * frozen version reviewed), a round's calibration example and their scores of it, and their ratings and flags of the reviews their team received.
 */
export function registerMeRoutes(app: FastifyInstance, { access, page, reviews, feedback, calibrations, assigned }: MeRoutesOptions): void {
  app.get('/api/me', asStudent(access, (student) => page.of(student)))

  app.get<AssignmentParams>('/api/me/reviews/:assignmentId', asStudent(access, async (student, { params }) => ({ review: await reviews.read(student, params.assignmentId) })))

  // By assignment, not by board: the board's id would tell a blind reviewer whose design it is.
  app.get<AssignmentParams>('/api/me/reviews/:assignmentId/version', asStudent(access, (student, { params }) => assigned.ofAssignment(student, params.assignmentId)))

  app.put<AssignmentParams>('/api/me/reviews/:assignmentId', asStudent(access, async (student, { params, body }) => {
    return { review: await reviews.saveDraft(student, params.assignmentId, parseBody(roundReviewContentSchema, body)) }
  }))

  app.post<AssignmentParams>('/api/me/reviews/:assignmentId/submit', asStudent(access, async (student, { params }) => ({ review: await reviews.submit(student, params.assignmentId) })))

  app.get<{ Params: { roundId: string } }>('/api/me/rounds/:roundId/calibration/version', asStudent(access, (student, { params }) => assigned.calibrationExample(student, params.roundId)))

  app.put<{ Params: { roundId: string } }>('/api/me/rounds/:roundId/calibration', asStudent(access, async (student, { params, body }) => {
    return { scores: await calibrations.submit(student, params.roundId, parseBody(calibrationSubmissionSchema, body).scores) }
  }))

  app.put<AssignmentParams>('/api/me/received/:assignmentId/rating', asStudent(access, async (student, { params, body }) => {
    return { rating: await feedback.rate(student, params.assignmentId, parseBody(reviewRatingSchema, body)) }
  }))

  app.put<AssignmentParams>('/api/me/received/:assignmentId/flag', asStudent(access, async (student, { params, body, log }) => {
    const flag = parseBody(reviewFlagSchema, body)
    log.info({ assignmentId: params.assignmentId }, 'round review flagged')
    return { flag: await feedback.flag(student, params.assignmentId, flag) }
  }))
}

/** A route for the holder of a student token: `answer` runs for that student, and what it returns is sent uncached. */
function asStudent<Route extends RouteGenericInterface>(
  access: BoardAccess,
  answer: (student: StudentRecord, request: FastifyRequest<Route>) => Promise<unknown>,
): (request: FastifyRequest<Route>, reply: FastifyReply) => Promise<FastifyReply> {
  return async (request, reply) => {
    const student = await requireStudent(access, request)
    return reply.header('cache-control', 'no-store').send(await answer(student, request))
  }
}
