import { Box, type Editor, type TLShapeId } from 'tldraw'
import { whileCanvasSettles } from '../board/camera/whileCanvasSettles.ts'
import { zoomToBoundsBesideCovers } from '../board/camera/zoomBesideCovers.ts'

/** Selects a finding's shapes and brings them into view (on their page, beside the left panels), no closer than 100 %. */
export function focusShapes(editor: Editor, ids: readonly string[]): void {
  const shapes = ids.map((id) => editor.getShape(id as TLShapeId)).filter((shape) => shape !== undefined)
  if (shapes.length === 0) return
  const pageId = editor.getAncestorPageId(shapes[0])
  if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId)
  const onPage = shapes.filter((shape) => editor.getAncestorPageId(shape) === editor.getCurrentPageId())
  const boxes = onPage.map((shape) => editor.getShapePageBounds(shape)).filter((box) => box !== undefined)
  if (boxes.length === 0) return
  const bounds = Box.Common(boxes)
  editor.select(...onPage.map((shape) => shape.id))
  // Selecting opens the inspector, which narrows the canvas: the zoom follows until it settles.
  const target = Box.ExpandBy(bounds, 80)
  whileCanvasSettles(editor, () => zoomToBoundsBesideCovers(editor, target, { animation: { duration: 200 }, targetZoom: 1 }))
}
