import type { BoardInfoResponse } from '@concord/shared'
import { createContext, useContext } from 'react'
import type { BoardSession } from './sync/boardSession.ts'

export interface BoardContextValue {
  session: BoardSession
  title: string
  /** The class session of a team board, for its instructor (null otherwise, or until the server answers). */
  classSession: BoardInfoResponse['session']
}

/** Gives the board's UI slots inside tldraw (which take no props) the open board. */
export const BoardContext = createContext<BoardContextValue | null>(null)

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoard outside of a board')
  return value
}
