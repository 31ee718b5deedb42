import type { Editor } from 'tldraw'

/**
 * A frame drawn over shapes that it does not adopt (a template's components sit inside their
 * failure domain, not on the page) covered them with its fill: presenting that frame showed a
 * blank slide. A frame this user draws goes behind everything, so it shows what lies inside it.
 * Returns the cleanup.
 */
export function keepNewFramesBehind(editor: Editor): () => void {
  return editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source === 'user' && shape.type === 'frame' && shape.parentId === editor.getCurrentPageId()) editor.sendToBack([shape.id])
  })
}
