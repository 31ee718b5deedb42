import { roleSchema } from '@concord/shared'
import { z } from 'zod'
import { recentList } from './recentList.ts'

/** A board this browser has opened, remembered so it can be found (and opened offline) again. */
const recentBoardSchema = z.object({
  id: z.string(),
  title: z.string(),
  role: roleSchema,
  /** The board's link path with its token, e.g. `/b/<id>#k=<token>`. */
  link: z.string(),
  lastOpened: z.number(),
})
export type RecentBoard = z.infer<typeof recentBoardSchema>

const boards = recentList('concord:recent-boards', recentBoardSchema, 50)

/** Recent boards, newest first. Reactive (a tldraw atom), shared by every view of this tab. */
export const recentBoards = boards.entries

export const findRecentBoard = boards.find

/** Records that a board was opened now (or updates what is known about it). */
export const rememberBoard = boards.remember

/** Removes a board from this browser's list (the board itself is untouched). */
export const forgetBoard = boards.forget
