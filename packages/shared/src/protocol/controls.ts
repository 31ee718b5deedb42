import { z } from 'zod'

/**
 * Board controls: what a board's owner (an instructor) changes for everyone on the board: a lock
 * (everyone but owners read-only on the design, enforced by the server), a countdown timer, a
 * broadcast message, "bring everyone to me", a spotlight on the owner's cursor, and a what-if shown to everyone. They are server state, persisted with the
 * board, never in a document editors can write. Carried as Hocuspocus stateless messages on the
 * board's own connections, with `channel: 'controls'`.
 */
export const CONTROLS_CHANNEL = 'controls'
export const MAX_TIMER_SECONDS = 4 * 60 * 60
export const MAX_BROADCAST_LENGTH = 280
/** The most shapes a shared what-if may name as failed. */
export const MAX_WHAT_IF_FAILED = 200

const whatIfFailedSchema = z.array(z.string().startsWith('shape:').max(200)).max(MAX_WHAT_IF_FAILED)

export const boardControlsSchema = z.object({
  locked: z.boolean(),
  /** A countdown, by absolute times so reloads and late joiners see the same remaining time. */
  timer: z.object({ startedAt: z.number(), endsAt: z.number() }).nullable(),
  broadcast: z.object({ text: z.string().max(MAX_BROADCAST_LENGTH), at: z.number() }).nullable(),
  /**
   * Participants' viewports follow this user (tldraw user id) until they move on their own. With a
   * `frame` (a shape id), the user is presenting that frame: participants show it fitted to their
   * own window with the rest of the page hidden.
   */
  follow: z
    .object({ userId: z.string().max(120), name: z.string().max(100), at: z.number(), frame: z.string().max(200).nullable().default(null) })
    .nullable(),
  /** This user's cursor is shown enlarged, with a highlighted area around it, to everyone. */
  spotlight: z.object({ userId: z.string().max(120), name: z.string().max(100), at: z.number() }).nullable().default(null),
  /**
   * A what-if this user shows to everyone: the components and failure domains (shape ids) taken
   * down. Everyone's canvas shows it until the user ends it or their connection closes.
   */
  whatIf: z.object({ userId: z.string().max(120), name: z.string().max(100), failed: whatIfFailedSchema, at: z.number() }).nullable().default(null),
})
export type BoardControls = z.infer<typeof boardControlsSchema>

export const DEFAULT_BOARD_CONTROLS: BoardControls = { locked: false, timer: null, broadcast: null, follow: null, spotlight: null, whatIf: null }

export const controlCommandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('lock') }),
  z.object({ op: z.literal('unlock') }),
  z.object({ op: z.literal('timer'), seconds: z.number().int().min(10).max(MAX_TIMER_SECONDS) }),
  z.object({ op: z.literal('timer-stop') }),
  z.object({ op: z.literal('broadcast'), text: z.string().trim().min(1).max(MAX_BROADCAST_LENGTH) }),
  z.object({ op: z.literal('broadcast-clear') }),
  z.object({ op: z.literal('follow-me'), userId: z.string().min(1).max(120), name: z.string().max(100), frame: z.string().max(200).nullable().optional() }),
  z.object({ op: z.literal('follow-stop') }),
  z.object({ op: z.literal('spotlight'), userId: z.string().min(1).max(120), name: z.string().max(100) }),
  z.object({ op: z.literal('spotlight-stop') }),
  z.object({ op: z.literal('what-if'), userId: z.string().min(1).max(120), name: z.string().max(100), failed: whatIfFailedSchema }),
  z.object({ op: z.literal('what-if-end') }),
])
export type ControlCommand = z.infer<typeof controlCommandSchema>

export const controlsClientMessageSchema = z.object({
  channel: z.literal(CONTROLS_CHANNEL),
  type: z.literal('command'),
  command: controlCommandSchema,
})
export type ControlsClientMessage = z.infer<typeof controlsClientMessageSchema>

export const controlsServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ channel: z.literal(CONTROLS_CHANNEL), type: z.literal('state'), controls: boardControlsSchema }),
  z.object({ channel: z.literal(CONTROLS_CHANNEL), type: z.literal('refused'), reason: z.string() }),
])
export type ControlsServerMessage = z.infer<typeof controlsServerMessageSchema>

/** The controls after a command (pure: the server applies it, tests check it). */
export function applyControlCommand(controls: BoardControls, command: ControlCommand, now: number): BoardControls {
  switch (command.op) {
    case 'lock':
      return { ...controls, locked: true }
    case 'unlock':
      return { ...controls, locked: false }
    case 'timer':
      return { ...controls, timer: { startedAt: now, endsAt: now + command.seconds * 1000 } }
    case 'timer-stop':
      return { ...controls, timer: null }
    case 'broadcast':
      return { ...controls, broadcast: { text: command.text, at: now } }
    case 'broadcast-clear':
      return { ...controls, broadcast: null }
    case 'follow-me':
      return { ...controls, follow: { userId: command.userId, name: command.name, at: now, frame: command.frame ?? null } }
    case 'follow-stop':
      return { ...controls, follow: null }
    case 'spotlight':
      return { ...controls, spotlight: { userId: command.userId, name: command.name, at: now } }
    case 'spotlight-stop':
      return { ...controls, spotlight: null }
    case 'what-if':
      return { ...controls, whatIf: { userId: command.userId, name: command.name, failed: command.failed, at: now } }
    case 'what-if-end':
      return { ...controls, whatIf: null }
  }
}
