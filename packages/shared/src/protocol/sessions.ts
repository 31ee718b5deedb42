import { z } from 'zod'
import { boardIdSchema } from './ids.ts'

/** At most this many teams (one board each) in a class session. */
export const MAX_SESSION_TEAMS = 40

/**
 * `POST /api/sessions`: a class session, one board per team named "<name> · Team N", each
 * starting from the catalog template `template` (its records written at creation) or empty.
 */
export const createSessionRequestSchema = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(120, 'name is at most 120 characters'),
  teams: z
    .number({ error: 'teams must be a number from 1 to 40' })
    .int('teams must be a whole number')
    .min(1, 'a session has at least 1 team')
    .max(MAX_SESSION_TEAMS, `a session has at most ${MAX_SESSION_TEAMS} teams`),
  template: z.string().min(1).max(100).nullable().default(null),
})
export type CreateSessionRequest = z.input<typeof createSessionRequestSchema>

/** One team of a session: its board, the instructor's link to it, and the team's own links (no owner link). */
export const sessionTeamSchema = z.object({
  team: z.number().int(),
  boardId: boardIdSchema,
  title: z.string(),
  /** The instructor's link to this board: the session token, which acts as the owner on every board of the session. */
  instructor: z.string(),
  links: z.object({ editor: z.string(), reviewer: z.string(), viewer: z.string() }),
})
export type SessionTeam = z.infer<typeof sessionTeamSchema>

/** `POST /api/sessions` (201) and `GET /api/sessions/:id` (instructor token) response. */
export const sessionResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number(),
  template: z.string().nullable(),
  /** The session dashboard: `/s/<id>#k=<session token>`. */
  dashboard: z.string(),
  teams: z.array(sessionTeamSchema),
})
export type SessionResponse = z.infer<typeof sessionResponseSchema>

/** The dashboard path of a session with its instructor token in the fragment. */
export function sessionLinkPath(sessionId: string, token: string): string {
  return `/s/${sessionId}#k=${encodeURIComponent(token)}`
}

/** What a session token is signed over (link tokens are signed over a board id). */
export function sessionSubject(sessionId: string): string {
  return `session:${sessionId}`
}
