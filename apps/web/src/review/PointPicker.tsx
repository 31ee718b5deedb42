import { useEditor, useValue } from 'tldraw'
import { useCommentSource } from './reviewContext.ts'

/** While picking, a click anywhere on the canvas becomes the comment's point (Escape cancels). */
export function PointPicker() {
  const editor = useEditor()
  const review = useCommentSource()
  const picking = useValue('picking point', () => review?.pickingPoint.get() ?? false, [review])
  if (!review || !picking) return null
  const { pickedPoint, pickingPoint } = review
  return (
    <div
      className="point-picker"
      data-testid="point-picker"
      onPointerDown={(event) => {
        event.stopPropagation()
        const page = editor.screenToPage({ x: event.clientX, y: event.clientY })
        pickedPoint.set({ pageId: editor.getCurrentPageId(), x: Math.round(page.x), y: Math.round(page.y) })
        pickingPoint.set(false)
      }}
      onKeyDown={(event) => event.key === 'Escape' && pickingPoint.set(false)}
      role="presentation"
    >
      <span className="point-picker__hint">Click where the comment belongs · Esc cancels</span>
    </div>
  )
}
