import type { Editor, TLCamera } from 'tldraw'
import { whileCanvasSettles } from '../board/camera/whileCanvasSettles.ts'

/** This tab's camera on each board it has shown, so coming back (from a frozen version) keeps the view. */
const camerasInThisTab = new Map<string, TLCamera>()

/**
 * Frames a board when the editor mounts: the first time this tab shows it, zoomed to fit its
 * content (never above 100 %), so a template or an imported design is seen whole, not cut off at
 * the top left; later, the camera this tab last had on it. Returns what to call on unmount.
 */
export function openFramed(editor: Editor, boardId: string): () => void {
  const previous = camerasInThisTab.get(boardId)
  const content = editor.getCurrentPageBounds()
  let stopFitting = () => {}
  if (previous) editor.setCamera(previous, { immediate: true })
  else if (content) stopFitting = whileCanvasSettles(editor, () => editor.zoomToBounds(content, { targetZoom: 1, immediate: true }))
  return () => {
    stopFitting()
    camerasInThisTab.set(boardId, editor.getCamera())
  }
}
