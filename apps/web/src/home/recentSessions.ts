import { z } from 'zod'
import { localStorageAtom } from '../local/localStorageAtom.ts'

/** A class session whose dashboard this browser opened (its instructor's), to find it again. */
const recentSessionSchema = z.object({
  id: z.string(),
  name: z.string(),
  teams: z.number(),
  /** The dashboard's link path with its token, `/s/<id>#k=<token>`. */
  link: z.string(),
  lastOpened: z.number(),
})
export type RecentSession = z.infer<typeof recentSessionSchema>

const MAX_ENTRIES = 20

const recentSessionListSchema = z
  .array(z.unknown())
  .transform((items) => items.flatMap((item) => recentSessionSchema.safeParse(item).data ?? []))

const stored = localStorageAtom<RecentSession[]>('concord:recent-sessions', recentSessionListSchema, [])

/** Class sessions opened here, newest first (a tldraw atom). */
export const recentSessions = stored.atom

/** Records that a session's dashboard was opened now. */
export function rememberSession(session: Omit<RecentSession, 'lastOpened'>): void {
  const others = recentSessions.get().filter((s) => s.id !== session.id)
  stored.save([{ ...session, lastOpened: Date.now() }, ...others].slice(0, MAX_ENTRIES))
}
