import { connectionBadgeLine } from '@concord/shared'
import { useEditor, useValue } from 'tldraw'
import { isArrow, readConnection } from '../inspector/connection.ts'

/**
 * A connection's key properties as a short label at the middle of its arrow, like a component's
 * badge line, so they can be read on the canvas without selecting it. Rendered in tldraw's
 * `OnTheCanvas` slot, which is in page coordinates.
 */
export function ConnectionLabels() {
  const editor = useEditor()
  const labels = useValue(
    'connection labels',
    () =>
      editor
        .getCurrentPageShapes()
        .filter(isArrow)
        .flatMap((arrow) => {
          const text = connectionBadgeLine(readConnection(arrow).properties)
          const bounds = editor.getShapePageBounds(arrow)
          return text && bounds ? [{ id: arrow.id, text, x: bounds.center.x, y: bounds.center.y }] : []
        }),
    [editor],
  )
  return (
    <>
      {labels.map((label) => (
        <div
          key={label.id}
          className="connection-label"
          data-testid="connection-label"
          style={{ transform: `translate(${label.x}px, ${label.y}px) translate(-50%, 4px)` }}
        >
          {label.text}
        </div>
      ))}
    </>
  )
}
