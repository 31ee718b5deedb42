import { useOwned } from '../ui/useOwned.ts'
import { BoardSession, type BoardSessionOptions } from './sync/boardSession.ts'
import type { BoardSessionFeature } from './sync/sessionFeature.ts'

/** One BoardSession per board and link, with `features` riding on it (a constant list), for as long as the component is mounted. */
export function useBoardSession({ boardId, token, role }: BoardSessionOptions, features: readonly BoardSessionFeature[]): BoardSession | null {
  return useOwned(
    () => new BoardSession({ boardId, token, role }, features),
    (session) => session.destroy(),
    [boardId, token, role, features],
  )
}
