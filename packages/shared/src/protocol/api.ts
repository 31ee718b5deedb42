import { z } from 'zod'
import { boardIdSchema } from './ids.ts'
import { roleSchema } from './roles.ts'

const titleSchema = z.string().trim().min(1, 'title must not be empty').max(200, 'title is at most 200 characters')

/** Upper bound of the records of one imported board. */
export const MAX_IMPORT_RECORDS = 20_000

/** A tldraw record as plain JSON, as far as the server needs to know it. */
const importedRecordSchema = z.looseObject({ id: z.string().min(1).max(200), typeName: z.string().min(1).max(100) })

/**
 * `POST /api/boards` request body. `records` (optional) are the tldraw document records of a
 * board being imported from a `.tldr` file, already migrated to the current schema by the client.
 */
export const createBoardRequestSchema = z.object({
  title: titleSchema,
  records: z.array(importedRecordSchema).max(MAX_IMPORT_RECORDS, `a board holds at most ${MAX_IMPORT_RECORDS} records`).optional(),
})
export type CreateBoardRequest = z.infer<typeof createBoardRequestSchema>

/** One link per role, each a path of the form `/b/<id>#k=<token>`. */
export const boardLinksSchema = z.object({ owner: z.string(), editor: z.string(), reviewer: z.string(), viewer: z.string() })
export type BoardLinks = z.infer<typeof boardLinksSchema>

/** `POST /api/boards` and `POST /api/boards/:id/duplicate` response (201). */
export const createBoardResponseSchema = z.object({
  id: boardIdSchema,
  title: z.string(),
  links: boardLinksSchema,
})
export type CreateBoardResponse = z.infer<typeof createBoardResponseSchema>

/** `GET /api/boards/:id/links` and `POST /api/boards/:id/links/:role/rotate` response (owner only). */
export const boardLinksResponseSchema = z.object({ links: boardLinksSchema })
export type BoardLinksResponse = z.infer<typeof boardLinksResponseSchema>

/** `PATCH /api/boards/:id` request body (owner only). */
export const renameBoardRequestSchema = z.object({ title: titleSchema })
export type RenameBoardRequest = z.infer<typeof renameBoardRequestSchema>

/** `GET /api/boards/:id` response (200): what a link holder may know of the board. */
export const boardInfoResponseSchema = z.object({
  id: boardIdSchema,
  title: z.string(),
  role: roleSchema,
  createdAt: z.number(),
  /** For its owners (the instructor), the class session a team board belongs to; else null. */
  session: z.object({ id: z.string(), name: z.string() }).nullable(),
})
export type BoardInfoResponse = z.infer<typeof boardInfoResponseSchema>

/** `POST /api/boards/:id/versions` request body: the team submits the design for review under a name. */
export const submitVersionRequestSchema = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(100, 'name is at most 100 characters'),
})
export type SubmitVersionRequest = z.infer<typeof submitVersionRequestSchema>

/** A version frozen for review: `POST /api/boards/:id/versions` (201) and the items of the list. */
export const versionInfoSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.number() })
export type VersionInfoResponse = z.infer<typeof versionInfoSchema>

/** `GET /api/boards/:id/versions` response: oldest first. */
export const versionListResponseSchema = z.object({ versions: z.array(versionInfoSchema) })

/** `GET /api/boards/:id/versions/:versionId` response: the design's records as they were then. */
export const versionResponseSchema = versionInfoSchema.extend({
  records: z.array(z.looseObject({ id: z.string(), typeName: z.string() })),
  /** The record schema the version was written with (a `StoredSchema`): a client migrates older records from it. Null if unrecorded. */
  schema: z.object({ schemaVersion: z.number(), sequences: z.record(z.string(), z.number()) }).nullable(),
})
export type VersionResponse = z.infer<typeof versionResponseSchema>

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

/**
 * How the close reason of a refused update starts (the rest says why: "board is full: ...",
 * "update cannot be applied", ...); the web app shows it to the user whose change it was.
 */
export const UPDATE_REFUSED = 'update refused: '

/** The single refusal for unknown boards and invalid links, so one cannot probe which boards exist. */
export const BOARD_REFUSAL = 'board not found or link invalid'
