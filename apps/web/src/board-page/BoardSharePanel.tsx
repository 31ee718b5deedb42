import { capabilitiesOf } from '@concord/shared'
import { useCallback, useState } from 'react'
import { AnalysisButton } from '../analysis/AnalysisButton.tsx'
import { BoardMenu } from '../board-management/BoardMenu.tsx'
import { useBoard } from '../board/boardContext.ts'
import { rememberBoard } from '../local/recentBoards.ts'
import { ClassControls } from '../classroom/ClassControls.tsx'
import { DesignButton } from '../design-notes/DesignButton.tsx'
import { PeopleMenu } from '../people/PeopleMenu.tsx'
import { ReviewButton } from '../review/ReviewButton.tsx'
import { ViewerCount } from '../roles/ViewerCount.tsx'
import { ShareDialog } from '../share/ShareDialog.tsx'
import { WhatIfButton } from '../what-if/WhatIfButton.tsx'

/** The end of the board's top bar: the viewer count, the people menu, the design, analysis, review and what-if toggles, the owner's Share button and the board menu. */
export function BoardSharePanel() {
  const { session, title } = useBoard()
  const [sharing, setSharing] = useState(false)
  const { boardId, token, role } = session.options
  const isOwner = role !== null && capabilitiesOf(role).manageBoard

  const closeSharing = useCallback(() => setSharing(false), [])
  const reopenWith = useCallback(
    (link: string) => {
      rememberBoard({ id: boardId, title, role: 'owner', link })
      location.replace(link)
      location.reload()
    },
    [boardId, title],
  )

  return (
    <div className="board-share">
      <ViewerCount viewers={session.viewers} />
      <PeopleMenu />
      <DesignButton />
      <AnalysisButton />
      <ReviewButton />
      <WhatIfButton />
      {isOwner && <ClassControls session={session} />}
      {isOwner && (
        <button type="button" className="button button--primary board-share__button" data-testid="share-button" onClick={() => setSharing(true)}>
          Share
        </button>
      )}
      <BoardMenu />
      {sharing && <ShareDialog boardId={boardId} token={token} onClose={closeSharing} onOwnLinkReplaced={reopenWith} />}
    </div>
  )
}

