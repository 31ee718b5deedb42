import { defaultProperties, findContainerKind, findKind, type ComponentKind } from '@concord/shared'
import { createShapeId, type Editor, type TLParentId, type TLShape, type TLShapeId, type VecLike } from 'tldraw'
import { COMPONENT_SHAPE } from '../shapes/componentType.ts'
import { CONTAINER_SHAPE } from '../shapes/containerShape.tsx'

/** Where a new shape goes when the user clicks rather than drags: the middle of the view. */
export function viewportCenter(editor: Editor): VecLike {
  return editor.getViewportPageBounds().center
}

/** The innermost container under a page point, so a component dropped on a zone joins it. */
function containerAt(editor: Editor, point: VecLike): TLShape | undefined {
  return editor.getShapeAtPoint(point, { hitInside: true, filter: (shape) => shape.type === CONTAINER_SHAPE })
}

/** Places a component of `kind` centred on `point` (page space), selected, as one undo step. */
export function placeComponent(editor: Editor, kind: ComponentKind, point: VecLike = viewportCenter(editor)): TLShapeId {
  const id = createShapeId()
  const { w, h } = kind.defaultSize
  const container = containerAt(editor, point)
  const topLeft = { x: point.x - w / 2, y: point.y - h / 2 }
  const parentId: TLParentId = container?.id ?? editor.getCurrentPageId()
  const local = container ? editor.getPointInShapeSpace(container, topLeft) : topLeft
  editor.markHistoryStoppingPoint('place component')
  editor.createShape({
    id,
    type: COMPONENT_SHAPE,
    parentId,
    x: local.x,
    y: local.y,
    props: { kind: kind.id, name: kind.label, w, h, properties: defaultProperties(kind), rationale: {} },
  })
  editor.select(id)
  return id
}

/** Places a failure-domain container centred on `point`, selected, as one undo step. */
export function placeContainer(editor: Editor, kindId: string, point: VecLike = viewportCenter(editor)): TLShapeId | null {
  const kind = findContainerKind(kindId)
  if (!kind) return null
  const id = createShapeId()
  const { w, h } = kind.defaultSize
  editor.markHistoryStoppingPoint('place container')
  editor.createShape({
    id,
    type: CONTAINER_SHAPE,
    x: point.x - w / 2,
    y: point.y - h / 2,
    props: { kind: kind.id, name: kind.label, w, h },
  })
  editor.sendToBack([id])
  editor.select(id)
  return id
}

/** The data a library item carries when dragged onto the canvas. */
export const LIBRARY_DRAG_TYPE = 'application/x-concord-library'

export interface LibraryDragItem {
  type: 'component' | 'container'
  kind: string
}

/** Places what was dropped from the library at the drop point; false when the data is not ours. */
export function placeDropped(editor: Editor, data: string, point: VecLike): boolean {
  let item: LibraryDragItem
  try {
    item = JSON.parse(data) as LibraryDragItem
  } catch {
    return false
  }
  if (item.type === 'component') {
    const kind = findKind(item.kind)
    if (!kind) return false
    placeComponent(editor, kind, point)
    return true
  }
  return item.type === 'container' && placeContainer(editor, item.kind, point) !== null
}
