import type { FastifyInstance } from 'fastify'
import { roundReviewContentSchema } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { RoundReviews } from '../peer-review/round-reviews.ts'
import type { StudentPage } from '../peer-review/student-page.ts'
import { requireStudent } from './session-grant.ts'
import { parseBody } from './validation.ts'

type AssignmentParams = { Params: { assignmentId: string } }

interface MeRoutesOptions {
  access: BoardAccess
  page: StudentPage
  reviews: RoundReviews
}

/**
 * What a student's personal token opens: their page (`GET /api/me`) and their reviews of the
 * designs assigned to them (`/api/me/reviews/:assignmentId`: read, save a draft, submit).
 */
export function registerMeRoutes(app: FastifyInstance, { access, page, reviews }: MeRoutesOptions): void {
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
}
