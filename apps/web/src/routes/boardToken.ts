import { tokenFromHash } from '@concord/shared'
import { useMemo } from 'react'
import { findRecentBoard } from '../local/recentBoards.ts'

/** The link token for a board: from the URL's fragment, or the link this browser remembers for it. */
export function useBoardToken(boardId: string): string | null {
  return useMemo(() => {
    const remembered = findRecentBoard(boardId)?.link
    return tokenFromHash(location.hash) ?? (remembered ? tokenFromHash(remembered.slice(remembered.indexOf('#'))) : null)
  }, [boardId])
}
