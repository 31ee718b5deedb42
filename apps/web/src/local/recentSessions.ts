import { z } from 'zod'
import { recentList } from './recentList.ts'

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

const sessions = recentList('concord:recent-sessions', recentSessionSchema, 20)

/** Class sessions opened here, newest first (a tldraw atom). */
export const recentSessions = sessions.entries

/** Records that a session's dashboard was opened now. */
export const rememberSession = sessions.remember
