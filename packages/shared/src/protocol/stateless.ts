import { z } from 'zod'
import { BOARD_CHANNEL, boardServerMessageSchema } from './board-channel.ts'
import { CONTROLS_CHANNEL, controlsClientMessageSchema, controlsServerMessageSchema } from './controls.ts'
import { LAB_CHANNEL, labClientMessageSchema, labServerMessageSchema } from './lab.ts'

/**
 * Every stateless message (a JSON string in a Hocuspocus stateless frame on a board document's
 * connection), one union per direction, as tldraw's sync-core `protocol.ts` does it. Each message
 * names its `channel` (the feature it belongs to) and its `type` within the channel.
 */
export const STATELESS_CHANNELS = [BOARD_CHANNEL, CONTROLS_CHANNEL, LAB_CHANNEL] as const
export type StatelessChannel = (typeof STATELESS_CHANNELS)[number]

export const statelessServerMessageSchema = z.discriminatedUnion('channel', [boardServerMessageSchema, controlsServerMessageSchema, labServerMessageSchema])
export type StatelessServerMessage = z.infer<typeof statelessServerMessageSchema>

export const statelessClientMessageSchema = z.discriminatedUnion('channel', [controlsClientMessageSchema, labClientMessageSchema])
export type StatelessClientMessage = z.infer<typeof statelessClientMessageSchema>

/** A message on a known channel that its schema refused, with the first reason (no channel has a message type `invalid`). */
export interface InvalidStatelessMessage {
  channel: StatelessChannel
  type: 'invalid'
  reason: string
}

/**
 * Parses a stateless payload as a message of one direction: null when it is not on a known channel
 * (bad JSON, another sender's message), of type `invalid` with the reason when its channel's schema refuses it.
 */
export function parseStateless<T>(schema: z.ZodType<T>, payload: string): T | InvalidStatelessMessage | null {
  let json: unknown
  try {
    json = JSON.parse(payload)
  } catch {
    return null
  }
  const channel = typeof json === 'object' && json !== null ? (json as { channel?: unknown }).channel : undefined
  if (!STATELESS_CHANNELS.includes(channel as StatelessChannel)) return null
  const parsed = schema.safeParse(json)
  return parsed.success ? parsed.data : { channel: channel as StatelessChannel, type: 'invalid', reason: parsed.error.issues[0]?.message ?? `invalid ${String(channel)} message` }
}
