import type { FastifyInstance } from 'fastify'
import { analyseGraph, extractGraph, failableIds, type AnalysisResult, type JsonRecord } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { BoardAdmin } from '../boards/board-admin.ts'
import type { BoardVersions } from '../boards/board-versions.ts'
import { ApiError } from './errors.ts'
import { requireBoardGrant } from './board-grant.ts'

type AnalysisQuery = { Querystring: { fail?: string | string[] } }
type BoardParams = { Params: { id: string } } & AnalysisQuery
type VersionParams = { Params: { id: string; versionId: string } } & AnalysisQuery

/** At most this many ids in one what-if; a board's shape ids are short, so this keeps the query small. */
const MAX_FAILED = 500

/** The ids of `?fail=<id>,<id>` (repeated `fail` parameters add up). */
function failedIds(fail: string | string[] | undefined): string[] {
  const values = fail === undefined ? [] : Array.isArray(fail) ? fail : [fail]
  const ids = values.flatMap((value) => value.split(',')).map((id) => id.trim()).filter((id) => id.length > 0)
  if (ids.length > MAX_FAILED) throw new ApiError(400, 'invalid_request', `at most ${MAX_FAILED} ids in fail`)
  return ids
}

/** Analyses `records` under the what-if in `fail`; an id that is no component or container of the board is refused. */
function analyse(records: JsonRecord[], fail: string | string[] | undefined): AnalysisResult {
  const graph = extractGraph(records)
  const ids = failedIds(fail)
  const known = failableIds(graph)
  const unknown = ids.find((id) => !known.has(id))
  if (unknown !== undefined) throw new ApiError(400, 'invalid_request', `fail: "${unknown.slice(0, 100)}" is no component or container of this board`)
  return analyseGraph(graph, { fail: ids })
}

/**
 * The design analysis (availability, latency, load, cost and rule findings) of a board's live
 * design or of a submitted version, for any link holder, with an optional what-if (`?fail=`).
 */
export function registerAnalysisRoutes(app: FastifyInstance, { access, admin, versions }: { access: BoardAccess; admin: BoardAdmin; versions: BoardVersions }): void {
  app.get<BoardParams>('/api/boards/:id/analysis', async (request, reply) => {
    const { board } = await requireBoardGrant(access, request.params.id, request)
    const result = analyse(await admin.designRecords(board.id), request.query.fail)
    return reply.header('cache-control', 'no-store').send(result)
  })

  app.get<VersionParams>('/api/boards/:id/versions/:versionId/analysis', async (request, reply) => {
    const { board } = await requireBoardGrant(access, request.params.id, request)
    const version = await versions.get(board.id, request.params.versionId)
    if (!version) throw new ApiError(404, 'not_found', 'version not found')
    // A version never changes, but the analysis does when the engine's rules do: cache it briefly only.
    return reply.header('cache-control', 'private, max-age=60').send(analyse(version.records as JsonRecord[], request.query.fail))
  })
}
