import { useEffect, useState } from 'react'
import { BoardSession, type BoardSessionOptions } from './sync/boardSession.ts'

/** One BoardSession per board and link, created on mount and destroyed on unmount. */
export function useBoardSession({ boardId, token, role }: BoardSessionOptions): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null)
  useEffect(() => {
    const created = new BoardSession({ boardId, token, role })
    // The session is an external resource owned by this effect; state hands it to the render.
    // oxlint-disable-next-line react/set-state-in-effect
    setSession(created)
    return () => {
      created.destroy()
      setSession(null)
    }
  }, [boardId, token, role])
  return session
}
