import { z } from 'zod'
import type { Role } from './roles.ts'
import { parseLinkToken } from './token.ts'

/**
 * A student's personal token: `student.<key>.<generation>.<mac>`, the mac an HMAC (made by the
 * server with its secret) over the session, the student's key and the student's generation.
 * The key is a random id the server gives each roster entry (never the institution's student id);
 * bumping the generation revokes that one student's earlier links.
 */
export interface StudentToken {
  key: string
  generation: number
  mac: string
}

const partsSchema = z.tuple([
  z.literal('student'),
  z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  z.string().regex(/^(0|[1-9][0-9]{0,8})$/).transform(Number),
  z.string().regex(/^[A-Za-z0-9_-]{22}$/),
])

export function formatStudentToken({ key, generation, mac }: StudentToken): string {
  return `student.${key}.${generation}.${mac}`
}

/** Parses a student token's shape; null for anything else (board link tokens among them). */
export function parseStudentToken(raw: string): StudentToken | null {
  if (raw.length > 128) return null
  const parsed = partsSchema.safeParse(raw.split('.'))
  if (!parsed.success) return null
  const [, key, generation, mac] = parsed.data
  return { key, generation, mac }
}

/** The message a student token's HMAC covers. */
export function studentTokenMessage(sessionId: string, key: string, generation: number): string {
  return `concord-student:v1:${sessionId}:${key}:${generation}`
}

/** The student's page, with their token in the fragment. */
export function studentLinkPath(sessionId: string, token: string): string {
  return `/s/${sessionId}/me#k=${encodeURIComponent(token)}`
}

/** The role a token acts in on a board it opens: a student's token is an editor of their own team's board (the only one it opens). */
export function tokenRole(raw: string): Role | null {
  return parseLinkToken(raw)?.role ?? (parseStudentToken(raw) ? 'editor' : null)
}
