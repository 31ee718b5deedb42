import type { FastifyInstance } from 'fastify'
import {
  createBoardRequestSchema,
  renameBoardRequestSchema,
  roleSchema,
  type BoardInfoResponse,
  type BoardLinksResponse,
  type JsonRecord,
  type Role,
} from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { BoardAdmin } from '../boards/board-admin.ts'
import { boardSession } from '../boards/board-session.ts'
import { createBoard } from '../boards/create-board.ts'
import { moveInlineImagesToAssets } from '../boards/imported-assets.ts'
import { randomId } from '../random-id.ts'
import type { Storage } from '../storage/types.ts'
import { ApiError } from './errors.ts'
import { requireBoardGrant, requireOwnerGrant } from './board-grant.ts'
import { parseBody } from './validation.ts'

interface BoardRoutesOptions {
  storage: Storage
  access: BoardAccess
  admin: BoardAdmin
  /** Boards one client address may create per minute (creating, importing and duplicating alike). */
  createLimit: number
}

/** Imported boards carry their records in the body; a large design stays well below this. */
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024

type BoardParams = { Params: { id: string } }

/**
 * `POST /api/boards` creates (or imports) a board; `GET /api/boards/:id` describes it to a link
 * holder; the owner link may also list and rotate links, rename, duplicate and delete.
 */
export function registerBoardRoutes(app: FastifyInstance, { storage, access, admin, createLimit }: BoardRoutesOptions): void {
  const createRateLimit = {
    rateLimit: {
      max: createLimit,
      timeWindow: 60_000,
      errorResponseBuilder: (_request: unknown, context: { after: string }) =>
        new ApiError(429, 'rate_limited', `Too many boards created from this address; try again in ${context.after}.`),
    },
  }

  app.post('/api/boards', { bodyLimit: IMPORT_BODY_LIMIT, config: createRateLimit }, async (request, reply) => {
    const { title, records } = parseBody(createBoardRequestSchema, request.body)
    const id = randomId()
    // The body was parsed from JSON, so every value in a record is JSON.
    const imported = moveInlineImagesToAssets(id, (records ?? []) as JsonRecord[])
    const created = await createBoard(storage, access, { id, title, ...imported })
    request.log.info({ boardId: created.id, importedRecords: records?.length }, 'board created')
    return reply.code(201).header('cache-control', 'no-store').send(created)
  })

  app.get<BoardParams>('/api/boards/:id', async (request, reply) => {
    const { board, role } = await requireBoardGrant(access, request.params.id, request)
    reply.header('cache-control', 'no-store')
    const body: BoardInfoResponse = { id: board.id, title: board.title, role, createdAt: board.createdAt, session: await sessionFor(storage, board.id, role) }
    return body
  })

  app.patch<BoardParams>('/api/boards/:id', async (request, reply) => {
    const { board, role } = await requireOwnerGrant(access, request.params.id, request)
    const { title } = parseBody(renameBoardRequestSchema, request.body)
    await admin.rename(board, title)
    reply.header('cache-control', 'no-store')
    const body: BoardInfoResponse = { id: board.id, title, role, createdAt: board.createdAt, session: await sessionFor(storage, board.id, role) }
    return body
  })

  app.delete<BoardParams>('/api/boards/:id', async (request, reply) => {
    const { board } = await requireOwnerGrant(access, request.params.id, request)
    await admin.delete(board.id)
    return reply.code(204).send()
  })

  app.post<BoardParams>('/api/boards/:id/duplicate', { config: createRateLimit }, async (request, reply) => {
    const { board } = await requireOwnerGrant(access, request.params.id, request)
    const created = await admin.duplicate(board, `Copy of ${board.title}`.slice(0, 200))
    return reply.code(201).header('cache-control', 'no-store').send(created)
  })

  app.get<BoardParams>('/api/boards/:id/links', async (request, reply) => {
    const { board } = await requireOwnerGrant(access, request.params.id, request)
    const body: BoardLinksResponse = { links: await access.linksOf(board) }
    return reply.header('cache-control', 'no-store').send(body)
  })

  app.post<{ Params: { id: string; role: string } }>('/api/boards/:id/links/:role/rotate', async (request, reply) => {
    const { board } = await requireOwnerGrant(access, request.params.id, request)
    const role = roleSchema.safeParse(request.params.role)
    if (!role.success) throw new ApiError(400, 'invalid_request', `unknown role "${request.params.role.slice(0, 20)}"`)
    const body: BoardLinksResponse = { links: await admin.rotateLink(board, role.data) }
    return reply.header('cache-control', 'no-store').send(body)
  })
}

/** The class session of a board, told to its owners (the instructor) only. */
async function sessionFor(storage: Storage, boardId: string, role: Role): Promise<BoardInfoResponse['session']> {
  const session = role === 'owner' ? await boardSession(storage, boardId) : null
  return session ? { id: session.id, name: session.name } : null
}
