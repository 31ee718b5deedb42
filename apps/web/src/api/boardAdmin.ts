import {
  boardInfoResponseSchema,
  boardLinksResponseSchema,
  createBoardResponseSchema,
  type BoardInfoResponse,
  type BoardLinks,
  type CreateBoardResponse,
  type Role,
} from '@concord/shared'
import { apiErrorFrom } from './apiError.ts'

/** The owner link's requests: links, rename, duplicate, delete. Each throws an ApiError on refusal. */
async function ownerRequest(boardId: string, token: string, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}${path}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${token}` },
  })
  if (!response.ok) throw await apiErrorFrom(response)
  return response
}

export async function fetchLinks(boardId: string, token: string): Promise<BoardLinks> {
  const response = await ownerRequest(boardId, token, '/links')
  return boardLinksResponseSchema.parse(await response.json()).links
}

/** Revokes a role's link and returns every role's current link (the rotated one new). */
export async function rotateLink(boardId: string, token: string, role: Role): Promise<BoardLinks> {
  const response = await ownerRequest(boardId, token, `/links/${role}/rotate`, { method: 'POST' })
  return boardLinksResponseSchema.parse(await response.json()).links
}

export async function renameBoard(boardId: string, token: string, title: string): Promise<BoardInfoResponse> {
  const response = await ownerRequest(boardId, token, '', {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  return boardInfoResponseSchema.parse(await response.json())
}

export async function duplicateBoard(boardId: string, token: string): Promise<CreateBoardResponse> {
  const response = await ownerRequest(boardId, token, '/duplicate', { method: 'POST' })
  return createBoardResponseSchema.parse(await response.json())
}

export async function deleteBoard(boardId: string, token: string): Promise<void> {
  await ownerRequest(boardId, token, '', { method: 'DELETE' })
}
