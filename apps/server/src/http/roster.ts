import type { FastifyInstance } from 'fastify'
import { parseRosterCsv, rosterRequestSchema } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { Roster } from '../peer-review/roster.ts'
import type { Storage } from '../storage/types.ts'
import { ApiError } from './errors.ts'
import { requireSession } from './session-grant.ts'
import { parseBody } from './validation.ts'

type SessionParams = { Params: { id: string } }

interface RosterRoutesOptions {
  storage: Storage
  access: BoardAccess
  roster: Roster
  /** Closes the student's connections made with a token older than `generation`; returns how many. */
  closeStudentConnections: (boardId: string, key: string, generation: number) => number
}

/**
 * A session's roster, for the holder of its instructor token: import (JSON or CSV), list with
 * each student's personal link, the links as CSV for mail merge, and rotating one student's link.
 */
export function registerRosterRoutes(app: FastifyInstance, { storage, access, roster, closeStudentConnections }: RosterRoutesOptions): void {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body))

  app.post<SessionParams>('/api/sessions/:id/roster', async (request, reply) => {
    const session = await requireSession(storage, access, request)
    let students
    if (typeof request.body === 'string') {
      const parsed = parseRosterCsv(request.body)
      if (!parsed.ok) throw new ApiError(400, 'invalid_request', parsed.errors.join('\n'))
      students = parsed.students
    } else {
      students = parseBody(rosterRequestSchema, request.body).students
    }
    const response = await roster.import(session, students)
    request.log.info({ sessionId: session.id, imported: students.length, roster: response.students.length }, 'roster imported')
    return reply.header('cache-control', 'no-store').send(response)
  })

  app.get<SessionParams>('/api/sessions/:id/roster', async (request, reply) => {
    const session = await requireSession(storage, access, request)
    return reply.header('cache-control', 'no-store').send(await roster.list(session))
  })

  app.get<SessionParams>('/api/sessions/:id/roster.csv', async (request, reply) => {
    const session = await requireSession(storage, access, request)
    const csv = await roster.csv(session, `${request.protocol}://${request.host}`)
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="student-links.csv"')
      .type('text/csv; charset=utf-8')
      .send(csv)
  })

  app.post<{ Params: { id: string; studentId: string } }>('/api/sessions/:id/roster/:studentId/rotate', async (request, reply) => {
    const session = await requireSession(storage, access, request)
    const student = await roster.rotate(session, request.params.studentId)
    if (!student) throw new ApiError(404, 'not_found', 'student not on the roster')
    const boardId = await access.students.teamBoardId(student)
    const closed = boardId === null ? 0 : closeStudentConnections(boardId, student.key, student.generation)
    request.log.info({ sessionId: session.id, closedConnections: closed }, 'student link rotated')
    const { studentId, name, team } = student
    return reply.header('cache-control', 'no-store').send({ studentId, name, team, link: await access.students.link(student) })
  })
}
