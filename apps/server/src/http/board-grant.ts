import type { FastifyRequest } from 'fastify'
import { capabilitiesOf } from '@concord/shared'
import type { BoardAccess, BoardGrant } from '../access/board-access.ts'
import { ApiError, boardNotFound, tooManyRefusals } from './errors.ts'

/** The token of `Authorization: Bearer <token>`, or '' when there is none. */
export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization ?? ''
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1] ?? ''
}

/** The board and role the request's link token grants, or the uniform 404 (429 after too many from the address). */
export async function requireBoardGrant(access: BoardAccess, boardId: string, request: FastifyRequest): Promise<BoardGrant> {
  const decision = await access.check(boardId, bearerToken(request), request.ip)
  if (!decision.granted) {
    if (decision.cause === 'throttled') throw tooManyRefusals(decision.retryAfter)
    request.log.info({ cause: decision.cause }, 'board access refused')
    throw boardNotFound()
  }
  return decision.grant
}

/** Like `requireBoardGrant`, and refuses (403) links of roles that may not manage the board. */
export async function requireOwnerGrant(access: BoardAccess, boardId: string, request: FastifyRequest): Promise<BoardGrant> {
  const grant = await requireBoardGrant(access, boardId, request)
  if (!capabilitiesOf(grant.role).manageBoard) {
    throw new ApiError(403, 'forbidden', "Only the board's owner link may do this.")
  }
  return grant
}
