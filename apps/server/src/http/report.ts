import type { FastifyInstance, FastifyReply } from 'fastify'
import { buildReport, reportAsHtml, reportAsMarkdown, type JsonRecord, type ReportDocument, type ReportInput, type VersionResponse } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { BoardAdmin } from '../boards/board-admin.ts'
import type { BoardVersions } from '../boards/board-versions.ts'
import type { Storage } from '../storage/types.ts'
import { ApiError } from './errors.ts'
import { requireBoardGrant } from './board-grant.ts'

type Format = 'md' | 'html'
type BoardParams = { Params: { id: string } }
type VersionParams = { Params: { id: string; versionId: string } }

/** The page has no script and loads nothing: its own policy forbids both, whatever the board's text holds. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

function send(reply: FastifyReply, report: ReportDocument, format: Format, cacheControl: string): FastifyReply {
  reply.header('cache-control', cacheControl)
  if (format === 'md') return reply.type('text/markdown; charset=utf-8').send(reportAsMarkdown(report))
  return reply.header('content-security-policy', REPORT_CSP).type('text/html; charset=utf-8').send(reportAsHtml(report))
}

interface ReportDeps {
  access: BoardAccess
  admin: BoardAdmin
  versions: BoardVersions
  storage: Pick<Storage, 'listBoardEditors'>
}

/** A previous version as the report compares with it. */
function previousOf(version: VersionResponse | null): ReportInput['previous'] {
  return version ? { name: version.name, records: version.records as JsonRecord[] } : undefined
}

/**
 * The design report (Markdown or self-contained HTML) of a board's live design or of a submitted
 * version, for any link holder: the team is everyone who edited the board (by then, for a
 * version), the risks list the open review threads (of that version), and the changes are those
 * since the latest version submitted before.
 */
export function registerReportRoutes(app: FastifyInstance, { access, admin, versions, storage }: ReportDeps): void {
  for (const format of ['md', 'html'] as const) {
    app.get<BoardParams>(`/api/boards/:id/report.${format}`, async (request, reply) => {
      const { board } = await requireBoardGrant(access, request.params.id, request)
      const [records, threads, list, previous, members] = await Promise.all([
        admin.designRecords(board.id),
        admin.reviewThreads(board.id),
        versions.list(board.id),
        versions.previousSubmitted(board.id, null),
        storage.listBoardEditors(board.id),
      ])
      const versionNames = new Map(list.map((version) => [version.id, version.name]))
      const report = buildReport({ title: board.title, records, now: Date.now(), members, threads, versionNames, previous: previousOf(previous) })
      return send(reply, report, format, 'no-store')
    })

    app.get<VersionParams>(`/api/boards/:id/versions/:versionId/report.${format}`, async (request, reply) => {
      const { board } = await requireBoardGrant(access, request.params.id, request)
      const version = await versions.get(board.id, request.params.versionId)
      if (!version) throw new ApiError(404, 'not_found', 'version not found')
      const [threads, previous, members] = await Promise.all([
        admin.reviewThreads(board.id),
        versions.previousSubmitted(board.id, version.id),
        storage.listBoardEditors(board.id, version.createdAt),
      ])
      const report = buildReport({
        title: board.title,
        records: version.records as JsonRecord[],
        now: version.createdAt,
        version: version.name,
        members,
        // Only the threads made on this version, which need not say so.
        threads: threads.filter((thread) => thread.versionId === version.id).map((thread) => ({ ...thread, versionId: null })),
        previous: previousOf(previous),
      })
      // The date is the version's, but the analysis changes with the engine's rules: cache briefly only.
      return send(reply, report, format, 'private, max-age=60')
    })
  }
}
