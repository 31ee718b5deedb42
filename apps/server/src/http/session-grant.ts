import type { FastifyRequest } from 'fastify'
import type { BoardAccess } from '../access/board-access.ts'
import type { StudentRecord } from '../storage/peer-review-types.ts'
import type { SessionRecord, Storage } from '../storage/types.ts'
import { bearerToken } from './board-grant.ts'
import { boardNotFound, tooManyRefusals } from './errors.ts'

/** The session the request's instructor token opens, or the uniform 404 (429 after too many refusals from the address). */
export async function requireSession(storage: Storage, access: BoardAccess, request: FastifyRequest<{ Params: { id: string } }>): Promise<SessionRecord> {
  const session = await storage.getSession(request.params.id)
  const check = await access.checkSessionFrom(request.ip, session?.id ?? request.params.id, bearerToken(request))
  if (check.retryAfter > 0) throw tooManyRefusals(check.retryAfter)
  if (!session || !check.ok) {
    request.log.info('session access refused')
    throw boardNotFound()
  }
  return session
}

/** The student whose personal token the request carries, or the uniform 404 (429 after too many refusals from the address). */
export async function requireStudent(access: BoardAccess, request: FastifyRequest): Promise<StudentRecord> {
  const { student, retryAfter } = await access.studentFrom(request.ip, bearerToken(request))
  if (retryAfter > 0) throw tooManyRefusals(retryAfter)
  if (!student) {
    request.log.info('student access refused')
    throw boardNotFound()
  }
  return student
}
