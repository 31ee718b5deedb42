import { roleSchema, type Role } from '@concord/shared'
import { atom } from 'tldraw'

/** A board this browser has opened, remembered so it can be found (and opened offline) again. */
export interface RecentBoard {
  id: string
  title: string
  role: Role
  /** The board's link path with its token, e.g. `/b/<id>#k=<token>`. */
  link: string
  lastOpened: number
}

const STORAGE_KEY = 'concord:recent-boards'
const MAX_ENTRIES = 50

function isRecentBoard(value: unknown): value is RecentBoard {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.id === 'string' &&
    typeof v.title === 'string' &&
    roleSchema.safeParse(v.role).success &&
    typeof v.link === 'string' &&
    typeof v.lastOpened === 'number'
  )
}

function load(): RecentBoard[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(value) ? value.filter(isRecentBoard) : []
  } catch {
    return []
  }
}

/** Recent boards, newest first. Reactive (a tldraw atom), shared by every view of this tab. */
export const recentBoards = atom<RecentBoard[]>('recent boards', load())

export function findRecentBoard(id: string): RecentBoard | undefined {
  return recentBoards.get().find((board) => board.id === id)
}

/** Records that a board was opened now (or updates what is known about it). */
export function rememberBoard(board: Omit<RecentBoard, 'lastOpened'>): void {
  const next = [{ ...board, lastOpened: Date.now() }, ...load().filter((b) => b.id !== board.id)].slice(0, MAX_ENTRIES)
  recentBoards.set(next)
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
  } catch {
    // Storage full or unavailable: the list still lasts for this tab.
  }
}

window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) recentBoards.set(load())
})
