import type { FastifyInstance } from 'fastify'
import { capabilitiesOf, submitVersionRequestSchema } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { BoardVersions } from '../boards/board-versions.ts'
import { ApiError } from './errors.ts'
import { requireBoardGrant, requireOwnerGrant } from './board-grant.ts'
import { parseBody } from './validation.ts'

type BoardParams = { Params: { id: string } }
type VersionParams = { Params: { id: string; versionId: string } }

function versionNotFound(): ApiError {
  return new ApiError(404, 'not_found', 'version not found')
}

interface VersionRoutesOptions {
  access: BoardAccess
  versions: BoardVersions
}

/**
 * Versions submitted for review: the team (owner and editor links) submits, every link holder
 * lists and reads them, the owner restores one. A student reads the versions assigned to them
 * for review through their assignments (`/api/me/reviews/:assignmentId/version`), never by board.
 */
export function registerVersionRoutes(app: FastifyInstance, { access, versions }: VersionRoutesOptions): void {
  app.post<BoardParams>('/api/boards/:id/versions', async (request, reply) => {
    const { board, role } = await requireBoardGrant(access, request.params.id, request)
    if (!capabilitiesOf(role).editDesign) throw new ApiError(403, 'forbidden', 'Only the team (owner and editor links) submits versions.')
    const { name } = parseBody(submitVersionRequestSchema, request.body)
    return reply.code(201).send(await versions.submit(board.id, name))
  })

  app.get<BoardParams>('/api/boards/:id/versions', async (request, reply) => {
    const { board } = await requireBoardGrant(access, request.params.id, request)
    return reply.header('cache-control', 'no-store').send({ versions: await versions.list(board.id) })
  })

  app.get<VersionParams>('/api/boards/:id/versions/:versionId', async (request, reply) => {
    const { board } = await requireBoardGrant(access, request.params.id, request)
    const version = await versions.get(board.id, request.params.versionId)
    if (!version) throw versionNotFound()
    // A version never changes once submitted.
    return reply.header('cache-control', 'private, max-age=31536000, immutable').send(version)
  })

  app.post<VersionParams>('/api/boards/:id/versions/:versionId/restore', async (request, reply) => {
    const { board } = await requireOwnerGrant(access, request.params.id, request)
    if (!(await versions.restore(board.id, request.params.versionId))) throw versionNotFound()
    return reply.code(204).send()
  })
}
