import { CommentMarkers } from './CommentMarkers.tsx'
import { PointPicker } from './PointPicker.tsx'

/** tldraw's in-front-of-the-canvas slot: comment markers, and the point picker while one is being picked. */
export function ReviewOverlay() {
  return (
    <>
      <CommentMarkers />
      <PointPicker />
    </>
  )
}
