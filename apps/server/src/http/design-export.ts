import type { FastifyInstance } from 'fastify'
import { EXPORT_FORMATS, extractGraph, isExportFormat } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { BoardAdmin } from '../boards/board-admin.ts'
import { ApiError } from './errors.ts'
import { requireBoardGrant } from './board-grant.ts'

type ExportParams = { Params: { id: string; format: string } }

/** Longest file name stem; titles are at most a few hundred characters, headers should stay short. */
const STEM_MAX = 100

/**
 * A download named after the board (RFC 6266): an ASCII `filename` for old clients, and the title
 * itself, percent-encoded, in `filename*`.
 */
function attachmentDisposition(title: string, extension: string): string {
  // Whole code points only, and no lone surrogate, which encodeURIComponent refuses.
  const stem = Array.from(title.trim().replace(/\p{Cs}/gu, '_')).slice(0, STEM_MAX).join('') || 'board'
  const ascii = stem.replace(/[^A-Za-z0-9 ._-]/g, '_')
  const encoded = encodeURIComponent(`${stem}.${extension}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encoded}`
}

/** A board's live design as diagram-as-code text (Structurizr DSL, Mermaid, C4-PlantUML, D2), for any link holder. */
export function registerDesignExportRoutes(app: FastifyInstance, { access, admin }: { access: BoardAccess; admin: BoardAdmin }): void {
  app.get<ExportParams>('/api/boards/:id/export/:format', async (request, reply) => {
    const { board } = await requireBoardGrant(access, request.params.id, request)
    const { format } = request.params
    if (!isExportFormat(format)) throw new ApiError(400, 'invalid_request', `format must be one of: ${Object.keys(EXPORT_FORMATS).join(', ')}`)
    const { extension, render } = EXPORT_FORMATS[format]
    const text = render(extractGraph(await admin.designRecords(board.id)), board.title)
    return reply
      .header('cache-control', 'no-store')
      .header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', attachmentDisposition(board.title, extension))
      .send(text)
  })
}
