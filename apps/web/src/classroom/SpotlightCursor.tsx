import { DefaultCursor, useValue, type TLCursorProps } from 'tldraw'
import { useBoard } from '../board/boardContext.ts'
import { boardControls } from './boardControls.ts'

/** How much larger the spotlighted cursor is drawn. */
const SPOTLIGHT_SCALE = 2.5

/**
 * Collaborators' cursors, with the spotlight: the cursor of the user the owner put in the
 * spotlight is drawn larger, over a highlighted area, so a class can follow where the instructor
 * points. Render as tldraw's `CollaboratorCursor`.
 */
export function SpotlightCursor(props: TLCursorProps) {
  const { session } = useBoard()
  const spotlight = useValue('spotlight', () => boardControls.of(session).controls.get().spotlight, [session])
  if (!spotlight || spotlight.userId !== props.userId || !props.point) return <DefaultCursor {...props} />
  return (
    <>
      <div
        className="tl-overlays__item spotlight-halo"
        data-testid="spotlight-halo"
        style={{ transform: `translate(${props.point.x}px, ${props.point.y}px) scale(${1 / props.zoom})` }}
        aria-hidden
      />
      <DefaultCursor {...props} zoom={props.zoom / SPOTLIGHT_SCALE} />
    </>
  )
}
