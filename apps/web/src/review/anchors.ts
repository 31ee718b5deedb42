import type { ThreadAnchor } from '@concord/shared'
import { Box, type Editor, type TLShape, type TLShapeId, type TLPageId, type VecLike } from 'tldraw'
import { targetLabel } from './commentTargets.ts'

/** The shape a thread is pinned to, or null for point anchors and shapes that were deleted. */
export function anchoredShape(editor: Editor, anchor: ThreadAnchor): TLShape | null {
  if (anchor.kind === 'point') return null
  return editor.getShape(anchor.shapeId as TLShapeId) ?? null
}

/** A thread whose component or arrow was deleted: it stays in the list, marked as orphaned. */
export function isOrphaned(editor: Editor, anchor: ThreadAnchor): boolean {
  return anchor.kind === 'point' ? !editor.getPage(anchor.pageId as TLPageId) : anchoredShape(editor, anchor) === null
}

/** Where the thread's marker sits on its page: a shape's top-right corner, or the point itself. */
export function anchorPagePoint(editor: Editor, anchor: ThreadAnchor): { pageId: string; point: VecLike } | null {
  if (anchor.kind === 'point') return { pageId: anchor.pageId, point: { x: anchor.x, y: anchor.y } }
  const shape = anchoredShape(editor, anchor)
  const bounds = shape && editor.getShapePageBounds(shape)
  if (!shape || !bounds) return null
  return { pageId: editor.getAncestorPageId(shape) ?? '', point: { x: bounds.maxX, y: bounds.minY } }
}

/** A human name for a shape: its text if it has some (cut to 40 characters unless `full`), else its kind. */
export function shapeLabel(editor: Editor, shape: TLShape, full = false): string {
  const text = editor.getShapeUtil(shape).getText(shape)?.trim()
  if (text) return !full && text.length > 40 ? `${text.slice(0, 39)}…` : text
  const kind = 'geo' in shape.props && typeof shape.props.geo === 'string' ? shape.props.geo : shape.type
  return kind.charAt(0).toUpperCase() + kind.slice(1)
}

/** How an anchor is named in the thread list (short) and the Markdown export (`full`: never cut). */
export function describeAnchor(editor: Editor, anchor: ThreadAnchor, { full = false } = {}): string {
  if (anchor.kind === 'point') return 'Point on the canvas'
  const shape = anchoredShape(editor, anchor)
  const name = shape ? shapeLabel(editor, shape, full) : 'Deleted component'
  if (anchor.kind === 'property') return `${name} · ${targetLabel(shape, anchor.property)}`
  if (anchor.kind === 'arrow') return `Arrow ${shape ? `“${name}”` : '(deleted)'}`
  return name
}

/** Brings the anchor into view (switching page if needed) and selects its shape. */
export function zoomToAnchor(editor: Editor, anchor: ThreadAnchor): void {
  const at = anchorPagePoint(editor, anchor)
  if (!at) return
  if (at.pageId && at.pageId !== editor.getCurrentPageId()) editor.setCurrentPage(at.pageId as TLPageId)
  const shape = anchoredShape(editor, anchor)
  const bounds = shape ? editor.getShapePageBounds(shape) : null
  if (shape && bounds) {
    editor.select(shape.id)
    editor.zoomToBounds(Box.ExpandBy(bounds.clone(), 80), { animation: { duration: 200 }, targetZoom: 1 })
  } else {
    editor.centerOnPoint(at.point, { animation: { duration: 200 } })
  }
}
