import { z } from 'zod'

/**
 * Stateless message the server sends on a board's design document whenever the number of
 * viewers changes (and to each new connection): viewers are counted, never shown one by one.
 */
export const audienceMessageSchema = z.object({ type: z.literal('audience'), viewers: z.number().int().min(0) })
export type AudienceMessage = z.infer<typeof audienceMessageSchema>

/** Parses a stateless payload as an audience message; null for anything else. */
export function parseAudienceMessage(payload: string): AudienceMessage | null {
  try {
    return audienceMessageSchema.safeParse(JSON.parse(payload)).data ?? null
  } catch {
    return null
  }
}
