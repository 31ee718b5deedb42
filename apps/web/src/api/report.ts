import { apiErrorFrom } from './apiError.ts'

export type ReportFormat = 'md' | 'html'

/**
 * The design report of the live board (`versionId` null) or of a submitted version, as Markdown
 * or self-contained HTML. Throws an ApiError when the server refuses.
 */
export async function fetchReport(boardId: string, token: string, versionId: string | null, format: ReportFormat, signal?: AbortSignal): Promise<string> {
  const board = `/api/boards/${encodeURIComponent(boardId)}`
  const path = versionId === null ? `${board}/report.${format}` : `${board}/versions/${encodeURIComponent(versionId)}/report.${format}`
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, signal })
  if (!response.ok) throw await apiErrorFrom(response)
  return response.text()
}
