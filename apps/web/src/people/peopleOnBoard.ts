import type { Editor, TLInstancePresence } from 'tldraw'

export interface Person {
  userId: TLInstancePresence['userId']
  name: string
  color: string
}

/**
 * Everyone connected with a shown role, one entry per user (several tabs of one user are one
 * person), whatever their activity: presence records exist exactly while their awareness does.
 */
export function peopleOnBoard(editor: Editor): Person[] {
  return editor.getCollaborators().map((presence) => ({
    userId: presence.userId,
    name: presence.userName || 'Anonymous',
    color: presence.color,
  }))
}
