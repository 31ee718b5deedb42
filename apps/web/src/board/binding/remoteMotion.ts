import type { JsonRecord } from '@concord/shared'
import type { TLRecord, TLShape, TLStore } from 'tldraw'
import { LOCAL_WRITES_PER_SECOND } from './localWriteQueue.ts'

interface Glide {
  fromX: number
  fromY: number
  toX: number
  toY: number
  start: number
  /** The position this glide last showed; anything else means someone else moved the shape. */
  shownX: number
  shownY: number
}

/**
 * Peers write a dragged shape's position at most `LOCAL_WRITES_PER_SECOND` times a second; shown
 * as it arrives, the shape would jump. Instead each remote move glides from where the shape is
 * shown to its new position over one write interval, so peers see it move smoothly and end
 * exactly where Yjs says. Glides live only in this client's store, as remote changes: they are
 * never written to Yjs and never undone. A shape moved by anyone else meanwhile stops gliding.
 */
export class RemoteMotion {
  private readonly glides = new Map<string, Glide>()
  private frame: number | null = null

  constructor(
    private readonly store: TLStore,
    /** Called after each glide step is merged, to hand over what tldraw's side effects did in answer. */
    private readonly afterMerge: () => void,
    private readonly durationMs = 1000 / LOCAL_WRITES_PER_SECOND,
  ) {}

  /**
   * Takes the records a remote change is about to put: each shape that moves keeps its shown
   * position for now and glides to the new one over the next frames.
   */
  prepare(records: Map<string, JsonRecord | null>): void {
    for (const [id, record] of records) {
      if (!record || record.typeName !== 'shape' || typeof record.x !== 'number' || typeof record.y !== 'number') continue
      const shown = this.store.get(id as TLRecord['id']) as TLShape | undefined
      // A new shape, or one that changes parent (and so coordinate space), appears where it is.
      if (!shown || shown.parentId !== record.parentId || (shown.x === record.x && shown.y === record.y)) {
        this.glides.delete(id)
        continue
      }
      this.glides.set(id, {
        fromX: shown.x,
        fromY: shown.y,
        toX: record.x,
        toY: record.y,
        start: performance.now(),
        shownX: shown.x,
        shownY: shown.y,
      })
      records.set(id, { ...record, x: shown.x, y: shown.y })
    }
    if (this.glides.size > 0) this.frame ??= requestAnimationFrame(this.step)
  }

  /** Ends every glide at its target now, so the store holds exactly what Yjs holds. */
  finish(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame)
    this.frame = null
    this.advance(Number.POSITIVE_INFINITY)
  }

  private readonly step = () => {
    this.frame = null
    this.advance(performance.now())
    if (this.glides.size > 0) this.frame = requestAnimationFrame(this.step)
  }

  private advance(now: number): void {
    const moved: TLShape[] = []
    for (const [id, glide] of this.glides) {
      const shape = this.store.get(id as TLRecord['id']) as TLShape | undefined
      if (!shape || shape.x !== glide.shownX || shape.y !== glide.shownY) {
        this.glides.delete(id)
        continue
      }
      const t = Math.min(1, (now - glide.start) / this.durationMs)
      glide.shownX = t === 1 ? glide.toX : glide.fromX + (glide.toX - glide.fromX) * t
      glide.shownY = t === 1 ? glide.toY : glide.fromY + (glide.toY - glide.fromY) * t
      moved.push({ ...shape, x: glide.shownX, y: glide.shownY })
      if (t === 1) this.glides.delete(id)
    }
    if (moved.length === 0) return
    this.store.mergeRemoteChanges(() => this.store.put(moved))
    this.afterMerge()
  }
}
