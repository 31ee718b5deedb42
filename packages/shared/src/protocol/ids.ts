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

/** The board and asset an image's `src` names when it is an image uploaded to any board, else null. */
export function parseBoardAssetPath(src: unknown): { boardId: string; assetId: string } | null {
  const match = typeof src === 'string' ? /^\/api\/boards\/([^/]+)\/assets\/([^/]+)$/.exec(src) : null
  if (!match || !BOARD_ID_PATTERN.test(match[1]!) || !assetIdSchema.safeParse(match[2]).success) return null
  return { boardId: match[1]!, assetId: match[2]! }
}

/**
 * Where a student reviewer loads an image of a version assigned to them in a review round: named
 * by the round, the version and the image's record, never by the reviewed board, so the URL does
 * not tell whose design it is.
 */
export function reviewAssetPath(roundId: string, versionId: string, assetRecordId: string): string {
  return `/api/rounds/${encodeURIComponent(roundId)}/versions/${encodeURIComponent(versionId)}/assets/${encodeURIComponent(assetRecordId)}`
}

/** Whether `src` is where a reviewer loads an image of an assigned version (served by our own server). */
export function isReviewAssetPath(src: unknown): src is string {
  return typeof src === 'string' && /^\/api\/rounds\/[A-Za-z0-9_-]{22}\/versions\/[A-Za-z0-9_-]{22}\/assets\/asset%3A[^/?#]{1,300}$/.test(src)
}
