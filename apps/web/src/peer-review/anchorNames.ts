import type { ThreadAnchor } from '@concord/shared'
import type { TLStore } from 'tldraw'
import { withHiddenEditor } from '../board/hiddenEditor.ts'
import { describeAnchor } from '../review/anchors.ts'

/** An anchor's key in the map `anchorNames` returns. */
export const anchorKey = (anchor: ThreadAnchor): string => JSON.stringify(anchor)

/**
 * How each anchor is named on the design in `store` (the frozen version the comments were
 * about), as the board's own review names it: "Orders DB (Relational database) · Consistency model".
 */
export function anchorNames(store: TLStore, anchors: readonly ThreadAnchor[]): Map<string, string> {
  return withHiddenEditor(store, (editor) => new Map(anchors.map((anchor) => [anchorKey(anchor), describeAnchor(editor, anchor, { full: true })])))
}
