import type { Fault } from '@concord/shared'
import { useValue, type Atom } from 'tldraw'

/** Tells a tab the replication lab has cut it off or slowed it down, so its user is not left guessing. */
export function LabFaultBanner({ fault }: { fault: Atom<Fault | null> }) {
  const current = useValue('lab fault', () => fault.get(), [fault])
  if (!current || (!current.partitioned && current.latencyMs === 0)) return null
  return (
    <div className="board-banner lab-fault-banner" role="status" data-testid="lab-fault-banner" data-partitioned={current.partitioned}>
      {current.partitioned
        ? 'The replication lab has partitioned this tab: your edits stay here until the owner heals it, then they merge.'
        : `The replication lab delays this tab’s messages by ${current.latencyMs} ms each way.`}
    </div>
  )
}
