import type { ThreadAnchor } from '@concord/shared'
import { useCallback, useMemo } from 'react'
import { useVersionStore } from '../review/useVersionStore.ts'
import { loadBoardVersion } from '../review/versionStore.ts'
import { anchorKey, anchorNames } from './anchorNames.ts'

/** A comment target's name on the reviewed version (undefined for an anchor it was not asked for). */
export type NameOf = (anchor: ThreadAnchor) => string | undefined

/**
 * How `anchors` (memoised by the caller) are named on the version of the board they were about,
 * read with `token` (a student's for their team's board, the instructor's for any board of the
 * session): null until it loads, or if it cannot, so the caller names them by kind meanwhile.
 */
export function useAnchorNames(boardId: string, versionId: string, token: string, anchors: readonly ThreadAnchor[]): NameOf | null {
  const load = useCallback(() => loadBoardVersion(boardId, token, versionId), [boardId, token, versionId])
  const version = useVersionStore(load)
  return useMemo(() => {
    if (version.kind !== 'ready') return null
    const names = anchorNames(version.store, anchors)
    return (anchor: ThreadAnchor) => names.get(anchorKey(anchor))
  }, [version, anchors])
}
