import { capabilitiesOf } from '@concord/shared'
import { ClassroomBanners } from '../../classroom/ClassroomBanners.tsx'
import { LabFaultBanner } from '../../lab/LabFaultBanner.tsx'
import { StorageBanner } from '../connection/StorageBanner.tsx'
import { useBoard } from './boardContext.ts'

/** tldraw's top-centre slot: notices about this board (the server's storage problem, the lab's fault on this tab, lock, timer, broadcast). */
export function BoardBanners() {
  const { session } = useBoard()
  const { role } = session.options
  return (
    <div className="board-top-area">
      <StorageBanner problem={session.storageProblem} />
      <LabFaultBanner fault={session.labFault} />
      <ClassroomBanners controls={session.controls} isOwner={role === 'owner'} canComment={role !== null && capabilitiesOf(role).writeReview} />
    </div>
  )
}
