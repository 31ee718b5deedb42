import {
  BOARD_REFUSAL,
  boardInfoResponseSchema,
  createBoardResponseSchema,
  type BoardInfoResponse,
  type CreateBoardResponse,
} from '@concord/shared'
import { apiErrorFrom } from './apiError.ts'

/** Creates a board; `records` (tldraw document records) make it an import of an existing design. */
export async function createBoard(title: string, records?: unknown[]): Promise<CreateBoardResponse> {
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, records }),
  })
  if (!response.ok) throw await apiErrorFrom(response)
  return createBoardResponseSchema.parse(await response.json())
}

export type BoardInfo = BoardInfoResponse

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
  const info = boardInfoResponseSchema.safeParse(await response.json().catch(() => null))
  return info.success ? { kind: 'found', info: info.data } : { kind: 'unreachable' }
}
