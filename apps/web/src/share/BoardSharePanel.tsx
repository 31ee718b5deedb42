import { capabilitiesOf } from '@concord/shared'
import { useCallback, useState } from 'react'
import { useTldrawUiComponents } from 'tldraw'
import { BoardMenu } from '../board-management/BoardMenu.tsx'
import { useBoard } from '../board/ui/boardContext.ts'
import { rememberBoard } from '../home/recentBoards.ts'
import { ClassControls } from '../classroom/ClassControls.tsx'
import { ReviewButton } from '../review/ReviewButton.tsx'
import { ViewerCount } from '../roles/ViewerCount.tsx'
import { ShareDialog } from './ShareDialog.tsx'

/** tldraw's top-right slot: the viewer count, the people menu, the review toggle, the owner's Share button and the board menu. */
export function BoardSharePanel() {
  const { session, title } = useBoard()
  const { PeopleMenu } = useTldrawUiComponents()
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
    <div className="tlui-share-zone board-share" draggable={false}>
      <ViewerCount viewers={session.viewers} />
      {PeopleMenu && <PeopleMenu />}
      <ReviewButton />
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

