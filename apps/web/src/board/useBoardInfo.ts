import { useEffect, useState } from 'react'
import { fetchBoardInfo, type BoardInfoResult } from '../api/boards.ts'

export type BoardInfoState = BoardInfoResult | { kind: 'pending' }

/** The server's answer about a board and link; pending until it arrives. */
export function useBoardInfo(boardId: string, token: string): BoardInfoState {
  const key = `${boardId}#${token}`
  const [answer, setAnswer] = useState<{ key: string; result: BoardInfoResult } | null>(null)
  useEffect(() => {
    let current = true
    void fetchBoardInfo(boardId, token).then((result) => {
      if (current) setAnswer({ key: `${boardId}#${token}`, result })
    })
    return () => {
      current = false
    }
  }, [boardId, token])
  return answer?.key === key ? answer.result : { kind: 'pending' }
}
