import type { FastifyInstance } from 'fastify'
import { createBoardRequestSchema, type BoardInfoResponse } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import { createBoard } from '../boards/create-board.ts'
import type { Storage } from '../storage/types.ts'
import { ApiError } from './errors.ts'
import { requireBoardGrant } from './board-grant.ts'
import { parseBody } from './validation.ts'

interface BoardRoutesOptions {
  storage: Storage
  access: BoardAccess
  /** Boards one client address may create per minute. */
  createLimit: number
}

/** `POST /api/boards` creates a board; `GET /api/boards/:id` describes it to a link holder. */
export function registerBoardRoutes(app: FastifyInstance, { storage, access, createLimit }: BoardRoutesOptions): void {
  app.post(
    '/api/boards',
    {
      config: {
        rateLimit: {
          max: createLimit,
          timeWindow: 60_000,
          errorResponseBuilder: (_request, context) =>
            new ApiError(429, 'rate_limited', `Too many boards created from this address; try again in ${context.after}.`),
        },
      },
    },
    async (request, reply) => {
      const { title } = parseBody(createBoardRequestSchema, request.body)
      const created = await createBoard(storage, access, title)
      request.log.info({ boardId: created.id }, 'board created')
      return reply.code(201).header('cache-control', 'no-store').send(created)
    },
  )

  app.get<{ Params: { id: string } }>('/api/boards/:id', async (request, reply) => {
    const { board, role } = await requireBoardGrant(access, request.params.id, request)
    reply.header('cache-control', 'no-store')
    const body: BoardInfoResponse = { id: board.id, title: board.title, role, createdAt: board.createdAt }
    return body
  })
}
