import { z } from 'zod'

/** Board and asset ids are 16 random bytes in base64url (128 bits), so they cannot be guessed. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/
export const boardIdSchema = z.string().regex(BOARD_ID_PATTERN, 'not a board id')
export const assetIdSchema = z.string().regex(BOARD_ID_PATTERN, 'not an asset id')

/** Where the server serves an uploaded image of a board. */
export function boardAssetPath(boardId: string, assetId: string): string {
  return `/api/boards/${boardId}/assets/${assetId}`
}

/** Whether `src` is an image uploaded to this board (and so served by our own server). */
export function isBoardAssetPath(boardId: string, src: unknown): src is string {
  if (typeof src !== 'string') return false
  const prefix = `/api/boards/${boardId}/assets/`
  return src.startsWith(prefix) && assetIdSchema.safeParse(src.slice(prefix.length)).success
}
