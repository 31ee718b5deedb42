import { isDesignRecordId } from '@concord/shared'
import { isEqual, type RecordsDiff, type TLRecord } from 'tldraw'

/**
 * Whether a store change can change the analysis: a design record (shape, binding, asset) added
 * or removed, or one whose props, meta or parent changed. Moving, resizing or reordering a shape
 * changes none of what the analysis reads, so a drag costs no analysis.
 */
export function affectsAnalysis(changes: RecordsDiff<TLRecord>): boolean {
  for (const id of Object.keys(changes.added)) if (isDesignRecordId(id)) return true
  for (const id of Object.keys(changes.removed)) if (isDesignRecordId(id)) return true
  for (const [id, [from, to]] of Object.entries(changes.updated)) {
    if (!isDesignRecordId(id)) continue
    if (from.typeName === 'binding') return true
    if (!('props' in from && 'props' in to)) continue
    if ((from as { parentId?: string }).parentId !== (to as { parentId?: string }).parentId) return true
    if (from.props !== to.props && !isEqual(from.props, to.props)) return true
    if (from.meta !== to.meta && !isEqual(from.meta, to.meta)) return true
  }
  return false
}
