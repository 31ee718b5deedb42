import type { FastifyRequest } from 'fastify'
import type { BoardAccess, BoardGrant } from '../access/board-access.ts'
import { boardNotFound } from './errors.ts'

/** The token of `Authorization: Bearer <token>`, or '' when there is none. */
export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization ?? ''
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1] ?? ''
}

/** The board and role the request's link token grants, or the uniform 404. */
export async function requireBoardGrant(access: BoardAccess, boardId: string, request: FastifyRequest): Promise<BoardGrant> {
  const decision = await access.check(boardId, bearerToken(request))
  if (!decision.granted) {
    request.log.info({ cause: decision.cause }, 'board access refused')
    throw boardNotFound()
  }
  return decision.grant
}
