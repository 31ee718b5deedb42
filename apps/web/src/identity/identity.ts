import { z } from 'zod'
import { localStorageAtom } from '../local/localStorageAtom.ts'
import { randomIdentityColor } from './palette.ts'

/** Who this browser is on every board: what others see on cursors and in the people menu. */
const identitySchema = z.object({
  id: z.string(),
  name: z.string().refine((name) => name.trim() !== ''),
  color: z.string(),
})
export type Identity = z.infer<typeof identitySchema>

// Unreadable storage counts as a first visit; another tab renaming us is followed.
const stored = localStorageAtom<Identity | null>('concord:identity', identitySchema.nullable(), null)

/** The identity, or null until the visitor has chosen a display name. Reactive (a tldraw atom). */
export const identity = stored.atom

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
  stored.save(next)
}
