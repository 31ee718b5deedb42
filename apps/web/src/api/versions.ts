import { versionInfoSchema, versionListResponseSchema, versionResponseSchema, type VersionInfoResponse, type VersionResponse } from '@concord/shared'
import { apiErrorFrom } from './apiError.ts'

/** Versions submitted for review. Each throws an ApiError when the server refuses. */
async function versionRequest(boardId: string, token: string, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/versions${path}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${token}` },
  })
  if (!response.ok) throw await apiErrorFrom(response)
  return response
}

export async function listVersions(boardId: string, token: string): Promise<VersionInfoResponse[]> {
  return versionListResponseSchema.parse(await (await versionRequest(boardId, token, '')).json()).versions
}

export async function fetchVersion(boardId: string, token: string, versionId: string): Promise<VersionResponse> {
  return versionResponseSchema.parse(await (await versionRequest(boardId, token, `/${encodeURIComponent(versionId)}`)).json())
}

export async function submitVersion(boardId: string, token: string, name: string): Promise<VersionInfoResponse> {
  const response = await versionRequest(boardId, token, '', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  return versionInfoSchema.parse(await response.json())
}

export async function restoreVersion(boardId: string, token: string, versionId: string): Promise<void> {
  await versionRequest(boardId, token, `/${encodeURIComponent(versionId)}/restore`, { method: 'POST' })
}
