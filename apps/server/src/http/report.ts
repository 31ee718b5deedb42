import type { FastifyInstance, FastifyReply } from 'fastify'
import { buildReport, reportAsHtml, reportAsMarkdown, type JsonRecord, type ReportDocument } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { BoardAdmin } from '../boards/board-admin.ts'
import type { BoardVersions } from '../boards/board-versions.ts'
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

/**
 * The design report (Markdown or self-contained HTML) of a board's live design or of a submitted
 * version, for any link holder. The board records no editors' names yet, so it names no team member.
 */
export function registerReportRoutes(app: FastifyInstance, { access, admin, versions }: { access: BoardAccess; admin: BoardAdmin; versions: BoardVersions }): void {
  for (const format of ['md', 'html'] as const) {
    app.get<BoardParams>(`/api/boards/:id/report.${format}`, async (request, reply) => {
      const { board } = await requireBoardGrant(access, request.params.id, request)
      const report = buildReport({ title: board.title, records: await admin.designRecords(board.id), now: Date.now() })
      return send(reply, report, format, 'no-store')
    })

    app.get<VersionParams>(`/api/boards/:id/versions/:versionId/report.${format}`, async (request, reply) => {
      const { board } = await requireBoardGrant(access, request.params.id, request)
      const version = await versions.get(board.id, request.params.versionId)
      if (!version) throw new ApiError(404, 'not_found', 'version not found')
      const report = buildReport({ title: board.title, records: version.records as JsonRecord[], now: version.createdAt, version: version.name })
      // The date is the version's, but the analysis changes with the engine's rules: cache briefly only.
      return send(reply, report, format, 'private, max-age=60')
    })
  }
}
