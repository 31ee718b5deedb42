import { atom } from 'tldraw'
import { randomIdentityColor } from './palette.ts'

/** Who this browser is on every board: what others see on cursors and in the people menu. */
export interface Identity {
  id: string
  name: string
  color: string
}

const STORAGE_KEY = 'concord:identity'

function load(): Identity | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
    if (
      typeof value === 'object' &&
      value !== null &&
      'id' in value &&
      'name' in value &&
      'color' in value &&
      typeof value.id === 'string' &&
      typeof value.name === 'string' &&
      typeof value.color === 'string' &&
      value.name.trim() !== ''
    ) {
      return { id: value.id, name: value.name, color: value.color }
    }
  } catch {
    // Unreadable storage counts as a first visit.
  }
  return null
}

/** The identity, or null until the visitor has chosen a display name. Reactive (a tldraw atom). */
export const identity = atom<Identity | null>('concord identity', load())

/** Sets the display name (and optionally colour); creates the identity on first use. */
export function saveIdentity(update: { name: string; color?: string | null }): void {
  const name = update.name.trim()
  if (!name) return
  const current = identity.get()
  const next: Identity = {
    id: current?.id ?? crypto.randomUUID(),
    name,
    color: update.color ?? current?.color ?? randomIdentityColor(),
  }
  if (current && current.name === next.name && current.color === next.color) return
  identity.set(next)
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
  } catch {
    // Private mode or full storage: the identity still lasts for this tab.
  }
}

// Another tab of this browser renamed us: follow it.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) identity.set(load())
})
