import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { arrowBodyPath } from './brokenPathLines.ts'
import { useWhatIf } from './whatIfContext.ts'

/**
 * The what-if on the canvas: what failed greyed and hatched, and the connections of the request
 * paths that lose service drawn over in a dashed red line. Rendered in tldraw's `OnTheCanvas`
 * slot (page coordinates), which exports leave out; the board's records are untouched.
 */
export function WhatIfOverlay() {
  const editor = useEditor()
  const mode = useWhatIf()
  const marks = useValue(
    'what-if marks',
    () => {
      const outcome = mode?.view.get() ? mode.outcome.get() : null
      if (!outcome) return null
      const failed = [...outcome.failedContainers, ...outcome.failedComponents].flatMap((id) => {
        const bounds = editor.getShapePageBounds(id as TLShapeId)
        return bounds ? [{ id, x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }] : []
      })
      const connections = [...new Set(outcome.brokenPaths.flatMap((path) => path.connections))]
      const broken = connections.flatMap((id) => {
        const d = editor.getShape(id as TLShapeId) ? arrowBodyPath(editor, id as TLShapeId) : null
        return d ? [{ id, d }] : []
      })
      return { failed, broken }
    },
    [editor, mode],
  )
  if (!marks) return null
  return (
    <>
      {marks.failed.map((box) => (
        <div
          key={box.id}
          className="what-if-failed"
          data-testid="what-if-failed"
          data-id={box.id}
          style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.w, height: box.h }}
        />
      ))}
      <svg className="what-if-paths" aria-hidden>
        {marks.broken.map((line) => (
          <path key={line.id} d={line.d} className="what-if-paths__line" data-testid="what-if-broken" data-id={line.id} />
        ))}
      </svg>
    </>
  )
}
