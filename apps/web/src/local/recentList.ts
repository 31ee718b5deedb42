import { z } from 'zod'
import { localStorageAtom } from './localStorageAtom.ts'

interface Entry {
  id: string
  lastOpened: number
}

/**
 * A list of things this browser opened (boards, class sessions), newest first, each once, at most
 * `max` long, kept in localStorage under `key`. Entries that do not parse (written by another
 * version) are dropped, the rest kept.
 */
export function recentList<T extends Entry>(key: string, entrySchema: z.ZodType<T, unknown>, max: number) {
  const listSchema = z.array(z.unknown()).transform((items) => items.flatMap((item) => entrySchema.safeParse(item).data ?? []))
  const stored = localStorageAtom<T[]>(key, listSchema, [])
  const others = (id: string) => stored.atom.get().filter((entry) => entry.id !== id)
  return {
    /** Reactive (a tldraw atom), shared by every view of this tab. */
    entries: stored.atom,
    find: (id: string): T | undefined => stored.atom.get().find((entry) => entry.id === id),
    /** Records that the thing was opened now (or updates what is known about it). */
    remember: (entry: Omit<T, 'lastOpened'>): void =>
      stored.save([{ ...entry, lastOpened: Date.now() } as T, ...others(entry.id)].slice(0, max)),
    forget: (id: string): void => stored.save(others(id)),
  }
}
