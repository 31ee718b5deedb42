import { FIRST_PAGE_ID, templateRecords, type JsonRecord, type Template } from '@concord/shared'
import { uniqueId, type Editor, type TLBinding, type TLBindingCreate, type TLShape, type TLShapeId, type TLShapePartial, type VecLike } from 'tldraw'
import { whileCanvasSettles } from '../board/camera/whileCanvasSettles.ts'
import { spotBeside, type Rect } from './freeSpace.ts'
import { occupiedRects, viewportCenter } from './placeShapes.ts'

/**
 * Inserts a template centred on `center`, or beside what is already on the page (in the middle of
 * the view on an empty page): the same containers, components and bound connections a board
 * created from the template starts with (`templateRecords`), under fresh ids, on the current
 * page. One undo step; the inserted top-level shapes end up selected and in view.
 */
export function insertTemplate(editor: Editor, template: Template, center?: VecLike): TLShapeId[] {
  return insertRecords(editor, templateRecords(template, freshIdSeed()), `insert template ${template.id}`, center)
}

/** A seed for record ids that no other insertion uses. */
export function freshIdSeed(): string {
  return uniqueId().replace(/[^A-Za-z0-9]/g, '')
}

/**
 * Inserts records laid out as `templateRecords` lays them out (centred on the origin) as
 * `insertTemplate` does: beside what is on the page, one undo step, selected and in view.
 */
export function insertRecords(editor: Editor, records: JsonRecord[], historyMark: string, center?: VecLike): TLShapeId[] {
  const pageId = editor.getCurrentPageId()
  center ??= spotBeside(occupiedRects(editor), groupSize(records), viewportCenter(editor))
  const shapes: TLShapePartial[] = []
  const bindings: TLBindingCreate[] = []
  for (const record of records) {
    if (record.typeName === 'shape') {
      const shape = record as unknown as TLShape
      const onPage = shape.parentId === FIRST_PAGE_ID
      // tldraw picks the z-order keys above the page's shapes, and keeps arrows above what they bind.
      const { index: _index, ...placed } = shape
      shapes.push(onPage ? { ...placed, parentId: pageId, x: shape.x + center.x, y: shape.y + center.y } : placed)
    } else if (record.typeName === 'binding') {
      bindings.push(record as unknown as TLBinding)
    }
  }

  editor.markHistoryStoppingPoint(historyMark)
  editor.run(() => {
    editor.createShapes(shapes)
    editor.createBindings(bindings)
  })
  const ids = shapes.map((shape) => shape.id)
  const topLevel = ids.filter((id) => editor.getShape(id)?.parentId === pageId)
  editor.select(...topLevel)
  const bounds = editor.getSelectionPageBounds()
  if (bounds) whileCanvasSettles(editor, () => editor.zoomToBounds(bounds, { targetZoom: 1, animation: { duration: 200 } }))
  return ids
}

/** The size of a template's records on the page (they are centred on the origin). */
function groupSize(records: JsonRecord[]): { w: number; h: number } {
  const boxes: Rect[] = []
  for (const record of records) {
    if (record.typeName !== 'shape' || record.parentId !== FIRST_PAGE_ID) continue
    const { w, h } = record.props as { w?: unknown; h?: unknown }
    if (typeof w === 'number' && typeof h === 'number') boxes.push({ x: record.x as number, y: record.y as number, w, h })
  }
  if (boxes.length === 0) return { w: 0, h: 0 }
  const half = (edge: (box: Rect) => number) => Math.max(...boxes.map(edge))
  return { w: 2 * half((b) => Math.max(Math.abs(b.x), Math.abs(b.x + b.w))), h: 2 * half((b) => Math.max(Math.abs(b.y), Math.abs(b.y + b.h))) }
}
