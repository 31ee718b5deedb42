import { react, unsafe__withoutCapture, type Editor } from 'tldraw'

/** How long a camera move follows the canvas while the page around it lays out. */
const SETTLE_MS = 1500

/**
 * Runs `moveCamera` now and again whenever the canvas changes size in the next moments: the side
 * panels appear just after the editor mounts, and the inspector as soon as something is selected,
 * and each narrows the canvas, so a view fitted a moment before would be cut off. Stops after a
 * moment, or as soon as the user takes the camera (pointer down, wheel, pinch). Returns what
 * stops it early.
 */
export function whileCanvasSettles(editor: Editor, moveCamera: () => void): () => void {
  const stopFollowing = react('camera while the canvas settles', () => {
    editor.getViewportScreenBounds()
    // Only the canvas size drives this: the camera it sets must not make it run again.
    unsafe__withoutCapture(moveCamera)
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
