import { atom, type Atom } from 'tldraw'
import type { z } from 'zod'

export interface LocalStorageAtom<T> {
  /** The value, reactive: views re-render when it changes, in this tab or another. */
  readonly atom: Atom<T>
  /** Sets the value and writes it to localStorage. */
  save(value: T): void
}

/**
 * A value this browser remembers in localStorage under `key`, validated with `schema` when read
 * and followed when another tab of the same browser writes it. Unreadable or invalid storage reads
 * as `fallback`; a failed write (private mode, full storage) keeps the value for this tab only.
 */
export function localStorageAtom<T>(key: string, schema: z.ZodType<T, unknown>, fallback: T): LocalStorageAtom<T> {
  const load = (): T => {
    try {
      const raw = localStorage.getItem(key)
      if (raw === null) return fallback
      const parsed = schema.safeParse(JSON.parse(raw))
      return parsed.success ? parsed.data : fallback
    } catch {
      return fallback
    }
  }
  const value = atom<T>(key, load())
  window.addEventListener('storage', (event) => {
    if (event.key === key) value.set(load())
  })
  return {
    atom: value,
    save(next) {
      value.set(next)
      try {
        localStorage.setItem(key, JSON.stringify(next))
      } catch {
        // Kept in memory for this tab; nothing else to do.
      }
    },
  }
}
