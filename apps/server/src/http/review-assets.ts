import type { FastifyInstance } from 'fastify'
import type { AssignedVersions } from '../peer-review/assigned-versions.ts'
import type { Storage } from '../storage/types.ts'
import { sendAsset } from './assets.ts'

type ReviewAssetParams = { Params: { roundId: string; versionId: string; recordId: string } }

/**
 * `GET /api/rounds/:roundId/versions/:versionId/assets/:recordId`: an image of a version a
 * review round hands to reviewers, by the round and the image's record, so that a reviewer under
 * single- or double-blind loads it without learning which board it comes from.
 */
export function registerReviewAssetRoutes(app: FastifyInstance, { storage, assigned }: { storage: Storage; assigned: AssignedVersions }): void {
  app.get<ReviewAssetParams>('/api/rounds/:roundId/versions/:versionId/assets/:recordId', async (request, reply) => {
    const { roundId, versionId, recordId } = request.params
    const source = await assigned.asset(roundId, versionId, recordId)
    return sendAsset(reply, source && (await storage.getAsset(source.boardId, source.assetId)))
  })
}
