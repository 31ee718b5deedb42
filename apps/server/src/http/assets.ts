import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  ACCEPTED_ASSET_TYPES,
  assetIdSchema,
  boardAssetPath,
  boardIdSchema,
  capabilitiesOf,
  MAX_ASSET_BYTES,
  type UploadAssetResponse,
} from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import { randomId } from '../random-id.ts'
import type { StoredAsset, Storage } from '../storage/types.ts'
import { ApiError } from './errors.ts'
import { requireBoardGrant } from './board-grant.ts'

const MIB = 1024 * 1024
/** Uploads one client address may make per minute: a class pasting screenshots, not a disk filler. */
const UPLOADS_PER_MINUTE = 60
const ACCEPTED: ReadonlySet<string> = new Set(ACCEPTED_ASSET_TYPES)

/** Served files never change (new upload, new id), and an SVG must not run script or be sniffed as HTML. */
const ASSET_RESPONSE_HEADERS = {
  'cache-control': 'public, max-age=31536000, immutable',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
}

function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

function tooLarge(bytes: number | undefined): ApiError {
  const size = bytes === undefined ? 'larger' : `${(bytes / MIB).toFixed(1)} MiB`
  return new ApiError(413, 'too_large', `Images are limited to ${MAX_ASSET_BYTES / MIB} MiB; this file is ${size}.`)
}

interface AssetRoutesOptions {
  storage: Storage
  access: BoardAccess
  /** Bytes of images one board may hold (`ASSET_QUOTA_MB`). */
  quotaBytes: number
}

type BoardParams = { Params: { id: string } }
type AssetParams = { Params: { id: string; assetId: string } }

/**
 * `POST /api/boards/:id/assets` stores an image (raw body) for a link holder who may upload;
 * `GET /api/boards/:id/assets/:assetId` serves it. The unguessable board and asset ids are the
 * read capability, since an `<img>` cannot send a token.
 */
export function registerAssetRoutes(parent: FastifyInstance, { storage, access, quotaBytes }: AssetRoutesOptions): void {
  // Own scope: the raw image body parser applies to these routes only.
  parent.register(async (app) => {
    app.addContentTypeParser([...ACCEPTED_ASSET_TYPES], { parseAs: 'buffer', bodyLimit: MAX_ASSET_BYTES }, (_request, body, done) =>
      done(null, body),
    )

    app.post<BoardParams>(
      '/api/boards/:id/assets',
      {
        bodyLimit: MAX_ASSET_BYTES,
        config: {
          rateLimit: {
            max: UPLOADS_PER_MINUTE,
            timeWindow: 60_000,
            errorResponseBuilder: (_request, context) =>
              new ApiError(429, 'rate_limited', `Too many uploads from this address; try again in ${context.after}.`),
          },
        },
        // Everything that can be refused without the body is refused before reading it.
        onRequest: async (request) => {
          const { role } = await requireBoardGrant(access, request.params.id, request)
          if (!capabilitiesOf(role).uploadAssets) {
            throw new ApiError(403, 'forbidden', 'This link may not upload images.')
          }
          const type = mediaType(request)
          if (!ACCEPTED.has(type)) {
            throw new ApiError(
              415,
              'unsupported_type',
              `Only images can be uploaded (${ACCEPTED_ASSET_TYPES.join(', ')}); this file is ${type || 'of no type'}.`,
            )
          }
          const declared = Number(request.headers['content-length'])
          if (Number.isFinite(declared) && declared > MAX_ASSET_BYTES) throw tooLarge(declared)
        },
        errorHandler: (error, _request, _reply) => {
          // A body without Content-Length is cut off at the limit by Fastify: same answer, size unknown.
          if (error.statusCode === 413 && !(error instanceof ApiError)) throw tooLarge(undefined)
          throw error
        },
      },
      async (request, reply) => {
        const bytes = request.body
        if (!Buffer.isBuffer(bytes) || bytes.byteLength === 0) {
          throw new ApiError(400, 'invalid_request', 'The file is empty.')
        }
        const used = await storage.assetBytes(request.params.id)
        if (used + bytes.byteLength > quotaBytes) {
          throw new ApiError(
            413,
            'quota_exceeded',
            `This board already holds ${(used / MIB).toFixed(1)} MiB of images; its limit is ${(quotaBytes / MIB).toFixed(0)} MiB. ` +
              'Use smaller images, or ask the server’s operator to raise ASSET_QUOTA_MB.',
          )
        }
        const id = randomId()
        await storage.putAsset({ boardId: request.params.id, id, contentType: mediaType(request), bytes })
        request.log.info({ assetId: id, bytes: bytes.byteLength }, 'asset stored')
        const body: UploadAssetResponse = { src: boardAssetPath(request.params.id, id) }
        return reply.code(201).send(body)
      },
    )

    app.get<AssetParams>('/api/boards/:id/assets/:assetId', async (request, reply) => {
      const { id, assetId } = request.params
      const asset =
        boardIdSchema.safeParse(id).success && assetIdSchema.safeParse(assetId).success
          ? await storage.getAsset(id, assetId)
          : null
      return sendAsset(reply, asset)
    })
  })
}

/** Answers with a stored image (never changing, never run as a page), or 404 when there is none. */
export function sendAsset(reply: FastifyReply, asset: StoredAsset | null): FastifyReply {
  if (!asset) throw new ApiError(404, 'not_found', 'asset not found')
  return reply
    .headers({ ...ASSET_RESPONSE_HEADERS, 'content-type': asset.contentType })
    .send(Buffer.from(asset.bytes.buffer, asset.bytes.byteOffset, asset.bytes.byteLength))
}
