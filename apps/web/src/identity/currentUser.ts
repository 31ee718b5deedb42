import {
  computed,
  createUserId,
  getUserPreferences,
  setUserPreferences,
  UserRecordType,
  type TLCurrentUser,
  type TLUser,
  type TLUserPreferences,
} from 'tldraw'
import { identity, saveIdentity } from './identity.ts'

/** The store's `users.currentUser`: drives presence, the people menu and attribution. */
export const currentTLUser = computed<TLUser | null>('concord current user', () => {
  const me = identity.get()
  if (!me) return null
  return UserRecordType.create({ id: createUserId(me.id), name: me.name, color: me.color })
})

/**
 * tldraw's user preferences with name and colour taken from the identity. Changing them in the
 * people menu writes back to the identity, so both stay one value.
 */
export const tldrawUser: TLCurrentUser = {
  userPreferences: computed<TLUserPreferences>('concord user preferences', () => {
    const me = identity.get()
    const prefs = getUserPreferences()
    return me ? { ...prefs, id: me.id, name: me.name, color: me.color } : prefs
  }),
  setUserPreferences(prefs: TLUserPreferences) {
    setUserPreferences(prefs)
    if (prefs.name?.trim()) saveIdentity({ name: prefs.name, color: prefs.color })
  },
}
