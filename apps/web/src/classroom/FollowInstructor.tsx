import type { BoardControls } from '@concord/shared'
import { useEffect } from 'react'
import { useEditor, useValue, type Atom, type TLUserId } from 'tldraw'
import { currentTLUser } from '../identity/currentUser.ts'

/**
 * "Bring everyone to me": while the owner asks for it, this participant's viewport follows the
 * owner (tldraw's follow, which rides on presence, so it adds no traffic) until they move on their
 * own; a banner says whom they follow and how to stop. Render inside <Tldraw>.
 */
export function FollowInstructor({ controls }: { controls: Atom<BoardControls> }) {
  const editor = useEditor()
  const follow = useValue('follow request', () => controls.get().follow, [controls])
  const following = useValue('following', () => editor.getInstanceState().followingUserId, [editor])
  const me = useValue('my user id', () => currentTLUser.get()?.id ?? null, [])
  // A presented frame is shown by PresentationWatch, fitted to this window rather than followed.
  const target = follow && !follow.frame ? follow.userId : null
  // A new request (a new `at`) asks again even if the participant had stopped following.
  const requestedAt = follow?.at ?? null

  useEffect(() => {
    if (target === null || requestedAt === null || target === me) return
    editor.startFollowingUser(target as TLUserId)
    return () => {
      if (editor.getInstanceState().followingUserId === target) editor.stopFollowingUser()
    }
  }, [editor, target, requestedAt, me])

  if (!follow || follow.frame || following !== follow.userId) return null
  return (
    <div className="board-banner classroom-follow" role="status" data-testid="follow-banner">
      Following {follow.name || 'the board’s owner'}.{' '}
      <button type="button" className="classroom-follow__stop" onClick={() => editor.stopFollowingUser()}>
        Stop following
      </button>{' '}
      (or just move the canvas).
    </div>
  )
}
