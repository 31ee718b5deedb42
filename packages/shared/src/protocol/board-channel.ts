import { z } from 'zod'
import { editSlicesSchema } from './recent-edits.ts'

/**
 * What the server tells every connection of a board's design document, on `channel: 'board'`:
 * - `audience`: the number of viewers, to each new connection and whenever it changes (viewers
 *   are counted, never shown one by one);
 * - `versions`: the list of versions submitted for review changed (fetch it again);
 * - `recent-edits`: to each new owner connection, the board's edits of the last minutes as this
 *   server node counted them (the session dashboard shows them; it counts on from there itself);
 * - `storage`: whether the server is storing edits; `stored: false` (with the reason) to every
 *   connection when its database starts refusing writes and to each new one while it does,
 *   `stored: true` once it stores again. Edits made meanwhile stay on the client.
 */
export const BOARD_CHANNEL = 'board'

export const audienceMessageSchema = z.object({ channel: z.literal(BOARD_CHANNEL), type: z.literal('audience'), viewers: z.number().int().min(0) })
export type AudienceMessage = z.infer<typeof audienceMessageSchema>

export const versionsChangedMessageSchema = z.object({ channel: z.literal(BOARD_CHANNEL), type: z.literal('versions') })
export type VersionsChangedMessage = z.infer<typeof versionsChangedMessageSchema>

export const recentEditsMessageSchema = z.object({ channel: z.literal(BOARD_CHANNEL), type: z.literal('recent-edits'), slices: editSlicesSchema })
export type RecentEditsMessage = z.infer<typeof recentEditsMessageSchema>

export const storageStatusMessageSchema = z.object({
  channel: z.literal(BOARD_CHANNEL),
  type: z.literal('storage'),
  stored: z.boolean(),
  reason: z.string().max(500).optional(),
})
export type StorageStatusMessage = z.infer<typeof storageStatusMessageSchema>

export const boardServerMessageSchema = z.discriminatedUnion('type', [
  audienceMessageSchema,
  versionsChangedMessageSchema,
  recentEditsMessageSchema,
  storageStatusMessageSchema,
])
export type BoardServerMessage = z.infer<typeof boardServerMessageSchema>
