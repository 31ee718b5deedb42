import { capabilitiesOf } from '@concord/shared'
import { boardControls } from '../classroom/boardControls.ts'
import { ClassroomBanners } from '../classroom/ClassroomBanners.tsx'
import { LabFaultBanner } from '../lab/LabFaultBanner.tsx'
import { labReporting } from '../lab/labReporting.ts'
import { StorageBanner } from '../board/connection/StorageBanner.tsx'
import { useBoard } from '../board/boardContext.ts'

/** tldraw's top-centre slot: notices about this board (the server's storage problem, the lab's fault on this tab, lock, timer, broadcast). */
export function BoardBanners() {
  const { session } = useBoard()
  const { role } = session.options
  return (
    <div className="board-top-area">
      <StorageBanner problem={session.storageProblem} />
      <LabFaultBanner fault={labReporting.of(session)} />
      <ClassroomBanners controls={boardControls.of(session).controls} isOwner={role === 'owner'} canComment={role !== null && capabilitiesOf(role).writeReview} />
    </div>
  )
}
