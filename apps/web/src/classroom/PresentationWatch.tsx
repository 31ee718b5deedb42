import type { BoardControls } from '@concord/shared'
import { useEffect } from 'react'
import { react, useAtom, useEditor, useValue, type Atom, type TLShapeId } from 'tldraw'
import { currentTLUser } from '../identity/currentUser.ts'
import { watchingPresentation } from './Presentation.tsx'

/**
 * Someone presents a frame: this tab shows it fitted to its own window, with the page's panels,
 * bars and tldraw's UI hidden (following the presenter's camera instead would crop it to the
 * presenter's window). The browser's own full screen needs a click of the viewer's, so it is
 * offered as a button. Render inside <Tldraw>.
 */
export function PresentationWatch({ controls }: { controls: Atom<BoardControls> }) {
  const editor = useEditor()
  const follow = useValue('follow request', () => controls.get().follow, [controls])
  const me = useValue('my user id', () => currentTLUser.get()?.id ?? null, [])
  const presenting = follow?.frame != null && follow.userId !== me
  // Leaving lasts until this presentation ends.
  const leftAtom = useAtom('left the presentation', false)
  const left = useValue(leftAtom)
  useEffect(
    () =>
      react('presentation ended', () => {
        if (!controls.get().follow?.frame) leftAtom.set(false)
      }),
    [controls, leftAtom],
  )
  const watching = presenting && !left
  const frameId = watching ? (follow!.frame as TLShapeId) : null
  // The window's size, so a resize (or entering full screen) fits the frame again.
  const viewport = useValue('viewport size', () => `${editor.getViewportScreenBounds().w}×${editor.getViewportScreenBounds().h}`, [editor])

  useEffect(() => {
    if (!watching) return
    watchingPresentation.set(true)
    const wasFocused = editor.getInstanceState().isFocusMode
    editor.selectNone()
    editor.updateInstanceState({ isFocusMode: true })
    return () => {
      watchingPresentation.set(false)
      editor.updateInstanceState({ isFocusMode: wasFocused })
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {})
    }
  }, [watching, editor])

  useEffect(() => {
    if (!frameId || !viewport) return
    const bounds = editor.getShapePageBounds(frameId)
    if (bounds) editor.zoomToBounds(bounds, { inset: 32, animation: { duration: 300 } })
  }, [frameId, editor, viewport])

  if (!watching) return null
  return (
    <div className="presentation-watch" role="toolbar" aria-label="Presentation" data-testid="presentation-watch">
      <span>{follow!.name || 'The board’s owner'} is presenting</span>
      <button
        type="button"
        className="button button--quiet"
        data-testid="presentation-fullscreen"
        onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}
      >
        Full screen
      </button>
      <button type="button" className="button button--quiet" data-testid="presentation-leave" onClick={() => leftAtom.set(true)}>
        Leave
      </button>
    </div>
  )
}
