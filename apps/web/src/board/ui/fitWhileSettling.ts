import { react, unsafe__withoutCapture, type BoxLike, type Editor, type TLCameraMoveOptions } from 'tldraw'

/** How long a fit follows the canvas while the page around it lays out. */
const SETTLE_MS = 1500

/**
 * Zooms to fit `bounds` (never above 100 %) and fits again whenever the canvas changes size in
 * the next moments: the side panels appear just after the editor mounts, and the inspector when
 * something is selected, and each narrows the canvas. Stops after a moment, or as soon as the
 * user takes the camera (pointer down, wheel, pinch). Returns what stops it early.
 */
export function fitWhileSettling(editor: Editor, bounds: BoxLike, move: TLCameraMoveOptions = { immediate: true }): () => void {
  const stopFollowing = react('fit while the page lays out', () => {
    editor.getViewportScreenBounds()
    // Only the canvas size drives this: the camera it sets must not make it run again.
    unsafe__withoutCapture(() => editor.zoomToBounds(bounds, { targetZoom: 1, ...move }))
  })
  const onUserEvent = ({ type, name }: { type: string; name: string }) => {
    if (name === 'pointer_down' || type === 'wheel' || type === 'pinch') stop()
  }
  const stop = () => {
    stopFollowing()
    editor.off('event', onUserEvent)
    clearTimeout(settled)
  }
  editor.on('event', onUserEvent)
  const settled = setTimeout(stop, SETTLE_MS)
  return stop
}
