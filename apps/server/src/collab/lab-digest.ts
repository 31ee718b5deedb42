import type { Document } from '@hocuspocus/server'
import { boardDigestSteps, stateVectorOf, type ServerState } from '@concord/shared'

/** The server's state of a board for the lab, both halves from the same document version. */
export type BoardVersionState = Pick<ServerState, 'stateVector' | 'digest'>

interface Tracked {
  /** Bumped by every update of the document. */
  version: number
  /** The state of `latest.version`, once computed. */
  latest: { version: number; state: BoardVersionState } | null
  /** The computation under way, shared by everyone who asks meanwhile. */
  computing: Promise<BoardVersionState> | null
}

/** How long the digest works before letting other work run. */
const SLICE_MS = 4

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The lab's digest of each board, computed once per document version and shared by every viewer
 * that asks for it (a subscription, the state sent while the board changes, a convergence check).
 * It is computed in slices of a few milliseconds with a turn of the event loop between them, so
 * a large board delays nobody else's messages by more than one slice; a change during the computation starts it over
 * on the new version (a board still changing has not converged anyway).
 */
export class LabDigests {
  private readonly tracked = new WeakMap<Document, Tracked>()

  /** The state of the document's current version (or of a later one, if it changes meanwhile). */
  stateOf(document: Document): Promise<BoardVersionState> {
    const tracked = this.track(document)
    if (tracked.latest?.version === tracked.version) return Promise.resolve(tracked.latest.state)
    tracked.computing ??= this.compute(document, tracked).finally(() => {
      tracked.computing = null
    })
    return tracked.computing
  }

  private async compute(document: Document, tracked: Tracked): Promise<BoardVersionState> {
    for (;;) {
      const version = tracked.version
      const stateVector = stateVectorOf(document)
      const steps = boardDigestSteps(document)
      let step = steps.next()
      let sliceStart = performance.now()
      while (!step.done) {
        if (performance.now() - sliceStart >= SLICE_MS) {
          await nextTurn()
          // Changed while waiting: the remaining steps would read another version.
          if (tracked.version !== version) break
          sliceStart = performance.now()
        }
        step = steps.next()
      }
      if (step.done) {
        const state = { stateVector, digest: step.value }
        tracked.latest = { version, state }
        return state
      }
    }
  }

  private track(document: Document): Tracked {
    let tracked = this.tracked.get(document)
    if (!tracked) {
      const entry: Tracked = { version: 0, latest: null, computing: null }
      document.on('update', () => {
        entry.version++
      })
      this.tracked.set(document, entry)
      tracked = entry
    }
    return tracked
  }
}
