import { roleSchema } from '@concord/shared'
import { z } from 'zod'
import { localStorageAtom } from '../local/localStorageAtom.ts'

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

const MAX_ENTRIES = 50

/** Entries that do not parse (written by another version) are dropped, the rest kept. */
const recentBoardListSchema = z
  .array(z.unknown())
  .transform((items) => items.flatMap((item) => recentBoardSchema.safeParse(item).data ?? []))

const stored = localStorageAtom<RecentBoard[]>('concord:recent-boards', recentBoardListSchema, [])

/** Recent boards, newest first. Reactive (a tldraw atom), shared by every view of this tab. */
export const recentBoards = stored.atom

export function findRecentBoard(id: string): RecentBoard | undefined {
  return recentBoards.get().find((board) => board.id === id)
}

/** Records that a board was opened now (or updates what is known about it). */
export function rememberBoard(board: Omit<RecentBoard, 'lastOpened'>): void {
  const others = recentBoards.get().filter((b) => b.id !== board.id)
  stored.save([{ ...board, lastOpened: Date.now() }, ...others].slice(0, MAX_ENTRIES))
}

/** Removes a board from this browser's list (the board itself is untouched). */
export function forgetBoard(id: string): void {
  stored.save(recentBoards.get().filter((board) => board.id !== id))
}
