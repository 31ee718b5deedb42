import {
  BOARD_REFUSAL,
  createBoardResponseSchema,
  roleSchema,
  type CreateBoardResponse,
  type Role,
} from '@concord/shared'
import { apiErrorFrom } from './apiError.ts'

export async function createBoard(title: string): Promise<CreateBoardResponse> {
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (!response.ok) throw await apiErrorFrom(response)
  return createBoardResponseSchema.parse(await response.json())
}

export interface BoardInfo {
  id: string
  title: string
  role: Role
  createdAt: string | number
}

export type BoardInfoResult =
  | { kind: 'found'; info: BoardInfo }
  | { kind: 'refused'; message: string }
  | { kind: 'unreachable' }

/** `GET /api/boards/:id`; tells an invalid link apart from a server that cannot be reached. */
export async function fetchBoardInfo(boardId: string, token: string): Promise<BoardInfoResult> {
  let response: Response
  try {
    response = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  } catch {
    return { kind: 'unreachable' }
  }
  if (response.status === 404 || response.status === 401 || response.status === 403) {
    return { kind: 'refused', message: BOARD_REFUSAL }
  }
  if (!response.ok) return { kind: 'unreachable' }
  const info = parseBoardInfo(await response.json().catch(() => null))
  return info ? { kind: 'found', info } : { kind: 'unreachable' }
}

function parseBoardInfo(body: unknown): BoardInfo | null {
  if (typeof body !== 'object' || body === null) return null
  const { id, title, role, createdAt } = body as Record<string, unknown>
  const parsedRole = roleSchema.safeParse(role)
  if (typeof id !== 'string' || typeof title !== 'string' || !parsedRole.success) return null
  return { id, title, role: parsedRole.data, createdAt: typeof createdAt === 'number' ? createdAt : String(createdAt) }
}
