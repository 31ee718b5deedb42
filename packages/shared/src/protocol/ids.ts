import { z } from 'zod'

/** Board ids are 16 random bytes in base64url (128 bits), so they cannot be guessed. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/
export const boardIdSchema = z.string().regex(BOARD_ID_PATTERN, 'not a board id')

/** Asset ids are 16 random bytes in base64url as well. */
export const assetIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not an asset id')
