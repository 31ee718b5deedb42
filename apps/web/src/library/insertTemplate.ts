import { FIRST_PAGE_ID, templateRecords, type Template } from '@concord/shared'
import { uniqueId, type Editor, type TLBinding, type TLBindingCreate, type TLShape, type TLShapeId, type TLShapePartial, type VecLike } from 'tldraw'

/**
 * Inserts a template centred on `center`: the same containers, components and bound connections
 * a board created from the template starts with (`templateRecords`), under fresh ids, on the
 * current page above what is there. One undo step; the inserted top-level shapes end up selected
 * and in view.
 */
export function insertTemplate(editor: Editor, template: Template, center: VecLike): TLShapeId[] {
  const pageId = editor.getCurrentPageId()
  const records = templateRecords(template, uniqueId().replace(/[^A-Za-z0-9]/g, ''))
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

  editor.markHistoryStoppingPoint(`insert template ${template.id}`)
  editor.run(() => {
    editor.createShapes(shapes)
    editor.createBindings(bindings)
  })
  const ids = shapes.map((shape) => shape.id)
  const topLevel = ids.filter((id) => editor.getShape(id)?.parentId === pageId)
  editor.select(...topLevel)
  editor.zoomToSelection({ animation: { duration: 200 } })
  return ids
}
