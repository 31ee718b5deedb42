import { defaultProperties, findContainerKind, findKind, type ComponentKind } from '@concord/shared'
import { createShapeId, type Editor, type TLParentId, type TLShape, type TLShapeId, type VecLike } from 'tldraw'
import { COMPONENT_SHAPE } from '../shapes/componentType.ts'
import { CONTAINER_SHAPE } from '../shapes/containerShape.tsx'
import { whileCanvasSettles } from '../board/camera/whileCanvasSettles.ts'
import { freeSpotNear, type Rect } from './freeSpace.ts'

/** The middle of the view, in page space. */
export function viewportCenter(editor: Editor): VecLike {
  return editor.getViewportPageBounds().center
}

/** The page bounds of the current page's shapes that `blocks` (arrows never do: they follow what they bind). */
export function occupiedRects(editor: Editor, blocks: (shape: TLShape) => boolean = () => true): Rect[] {
  const rects: Rect[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type === 'arrow' || !blocks(shape)) continue
    const bounds = editor.getShapePageBounds(shape)
    if (bounds) rects.push({ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h })
  }
  return rects
}

/**
 * Where a shape placed by a click (or the keyboard) goes: free space nearest the middle of the
 * view, so shapes placed one after another, here or by teammates, never stack on each other.
 */
function freeSpotInView(editor: Editor, size: { w: number; h: number }, blocks?: (shape: TLShape) => boolean): VecLike {
  const view = editor.getViewportPageBounds()
  return freeSpotNear(view.center, size, occupiedRects(editor, blocks), { x: view.x, y: view.y, w: view.w, h: view.h })
}

/** The innermost container under a page point, so a component dropped on a zone joins it. */
function containerAt(editor: Editor, point: VecLike): TLShape | undefined {
  return editor.getShapeAtPoint(point, { hitInside: true, filter: (shape) => shape.type === CONTAINER_SHAPE })
}

/**
 * Places a component of `kind` centred on `point` (page space; where it was dropped), or in free
 * space near the middle of the view, selected, as one undo step. Containers do not block it: a
 * component placed on one joins it.
 */
export function placeComponent(editor: Editor, kind: ComponentKind, at?: VecLike): TLShapeId {
  const id = createShapeId()
  const { w, h } = kind.defaultSize
  const point = at ?? freeSpotInView(editor, kind.defaultSize, (shape) => shape.type !== CONTAINER_SHAPE)
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
  keepSelectionInView(editor)
  return id
}

/** Selecting the new shape opens the inspector, which narrows the canvas: keep the shape in view. */
function keepSelectionInView(editor: Editor): void {
  whileCanvasSettles(editor, () => editor.zoomToSelectionIfOffscreen(16, { animation: { duration: 150 } }))
}

/** Places a failure-domain container centred on `point`, or in free space near the middle of the view, selected, as one undo step. */
export function placeContainer(editor: Editor, kindId: string, at?: VecLike): TLShapeId | null {
  const kind = findContainerKind(kindId)
  if (!kind) return null
  const id = createShapeId()
  const { w, h } = kind.defaultSize
  const point = at ?? freeSpotInView(editor, kind.defaultSize)
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
  keepSelectionInView(editor)
  return id
}

/** The data a library item carries when dragged onto the canvas. */
export const LIBRARY_DRAG_TYPE = 'application/x-concord-library'

export interface LibraryDragItem {
  type: 'component' | 'container'
  kind: string
}

/**
 * tldraw's canvas takes every drop itself (and stops it there), then asks its
 * `experimental__onDropOnCanvas` option first: with this one, a library item dropped on the
 * canvas is placed at the drop point, and anything else (files, URLs) is left to tldraw. The
 * option is read once, before the editor exists: `attach` tells it the editor once mounted.
 */
export function createLibraryDrop() {
  let editor: Editor | null = null
  return {
    attach(mounted: Editor): () => void {
      editor = mounted
      return () => {
        editor = null
      }
    },
    onDropOnCanvas({ point, event }: { point: VecLike; event: { dataTransfer: DataTransfer | null } }): boolean {
      const data = event.dataTransfer?.getData(LIBRARY_DRAG_TYPE)
      return Boolean(editor && data && placeDropped(editor, data, point))
    },
  }
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
