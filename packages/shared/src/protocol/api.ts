import { z } from 'zod'
import { boardIdSchema } from './ids.ts'
import { roleSchema } from './roles.ts'

/** `POST /api/boards` request body. */
export const createBoardRequestSchema = z.object({
  title: z.string().trim().min(1, 'title must not be empty').max(200, 'title is at most 200 characters'),
})
export type CreateBoardRequest = z.infer<typeof createBoardRequestSchema>

/** `POST /api/boards` response (201). Links are paths of the form `/b/<id>#k=<token>`. */
export const createBoardResponseSchema = z.object({
  id: boardIdSchema,
  title: z.string(),
  links: z.object({ owner: z.string(), editor: z.string() }),
})
export type CreateBoardResponse = z.infer<typeof createBoardResponseSchema>

/** `GET /api/boards/:id` response (200): what a link holder may know of the board. */
export const boardInfoResponseSchema = z.object({
  id: boardIdSchema,
  title: z.string(),
  role: roleSchema,
  createdAt: z.number(),
})
export type BoardInfoResponse = z.infer<typeof boardInfoResponseSchema>

/** `POST /api/boards/:id/assets` response (201): where the uploaded file is served. */
export const uploadAssetResponseSchema = z.object({ src: z.string() })
export type UploadAssetResponse = z.infer<typeof uploadAssetResponseSchema>

/**
 * `GET /api/nodes` response (200): the public base URLs of every server node, for the web
 * client to fail over to; empty when one (load-balanced) origin serves everything.
 */
export const nodesResponseSchema = z.object({ nodes: z.array(z.url()) })
export type NodesResponse = z.infer<typeof nodesResponseSchema>

/** Every error body the API returns. */
export const apiErrorSchema = z.object({ error: z.string(), message: z.string() })
export type ApiError = z.infer<typeof apiErrorSchema>

/** Upper bound of one uploaded image. */
export const MAX_ASSET_BYTES = 10 * 1024 * 1024

/** Image types the asset store accepts (what tldraw can paste or drop as an image). */
export const ACCEPTED_ASSET_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/svg+xml',
  'image/avif',
] as const

/** Upper bound of one websocket frame; images go through the asset store, so edits stay far below. */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024

/** The single refusal for unknown boards and invalid links, so one cannot probe which boards exist. */
export const BOARD_REFUSAL = 'board not found or link invalid'
