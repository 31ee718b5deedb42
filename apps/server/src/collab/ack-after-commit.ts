import { MessageType } from '@hocuspocus/server'
import type { ConcordMetrics } from '../metrics.ts'
import type { GroupCommit } from './group-commit.ts'
import type { FrameRule, OutgoingQueue } from './outgoing-queue.ts'

/** The tag of an acknowledgement held until update number `seq` is committed. */
class CommitBarrier {
  constructor(readonly seq: number) {}
}

/**
 * Holds every acknowledgement (`SyncStatus` frame) until the group commit that contains the
 * acknowledged update is done. Hocuspocus sends it right after applying the update, whose
 * `update` event has already queued it, so waiting for everything queued so far covers it (and
 * any identical content another client sent first). Relays to other clients are not held.
 */
export class AcknowledgementHold {
  constructor(
    private readonly commits: GroupCommit,
    private readonly metrics: ConcordMetrics,
  ) {}

  /** The outgoing queue's rule that holds acknowledgements. */
  readonly rule: FrameRule = (frame) => {
    if (frame.messageType !== MessageType.SyncStatus || this.commits.committed >= this.commits.enqueued) return undefined
    return { hold: new CommitBarrier(this.commits.enqueued) }
  }

  /** Releases the acknowledgements `outgoing` holds as their commits complete. */
  releaseFrom(outgoing: OutgoingQueue): void {
    this.commits.onCommit((committed) => {
      const released = outgoing.release((frame) => frame.tag instanceof CommitBarrier && frame.tag.seq <= committed)
      const now = performance.now()
      for (const frame of released) this.metrics.ackDelay.observe((now - frame.heldAt) / 1000)
    })
  }
}
