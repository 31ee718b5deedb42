import type { ExportFormatName } from '@concord/shared'
import { apiErrorFrom } from './apiError.ts'

/** The live board's design as diagram-as-code text (`GET /api/boards/:id/export/:format`), with any role's token. */
export async function fetchDesignExport(boardId: string, token: string, format: ExportFormatName): Promise<Blob> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/export/${format}`, { headers: { Authorization: `Bearer ${token}` } })
  if (!response.ok) throw await apiErrorFrom(response)
  return response.blob()
}
