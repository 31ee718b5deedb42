import { z } from 'zod'
import { editSlicesSchema } from './recent-edits.ts'

/**
 * Stateless messages the server sends on a board's design document:
 * - `audience`: the number of viewers, to each new connection and whenever it changes (viewers
 *   are counted, never shown one by one);
 * - `versions`: the list of versions submitted for review changed (fetch it again);
 * - `recent-edits`: to each new owner connection, the board's edits of the last minutes as this
 *   server node counted them (the session dashboard shows them; it counts on from there itself);
 * - `storage`: whether the server is storing edits; `stored: false` (with the reason) to every
 *   connection when its database starts refusing writes and to each new one while it does,
 *   `stored: true` once it stores again. Edits made meanwhile stay on the client.
 */
export const audienceMessageSchema = z.object({ type: z.literal('audience'), viewers: z.number().int().min(0) })
export type AudienceMessage = z.infer<typeof audienceMessageSchema>

export const versionsChangedMessageSchema = z.object({ type: z.literal('versions') })
export type VersionsChangedMessage = z.infer<typeof versionsChangedMessageSchema>

export const recentEditsMessageSchema = z.object({ type: z.literal('recent-edits'), slices: editSlicesSchema })
export type RecentEditsMessage = z.infer<typeof recentEditsMessageSchema>

export const storageStatusMessageSchema = z.object({
  type: z.literal('storage'),
  stored: z.boolean(),
  reason: z.string().max(500).optional(),
})
export type StorageStatusMessage = z.infer<typeof storageStatusMessageSchema>

const statelessMessageSchema = z.discriminatedUnion('type', [
  audienceMessageSchema,
  versionsChangedMessageSchema,
  recentEditsMessageSchema,
  storageStatusMessageSchema,
])
export type StatelessMessage = z.infer<typeof statelessMessageSchema>

/** Parses a stateless payload from the server; null for anything else. */
export function parseStatelessMessage(payload: string): StatelessMessage | null {
  try {
    return statelessMessageSchema.safeParse(JSON.parse(payload)).data ?? null
  } catch {
    return null
  }
}
