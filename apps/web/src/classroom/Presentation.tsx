import { useEffect, useRef, useState } from 'react'
import { atom, useEditor, useValue, type Editor, type TLShape } from 'tldraw'
import type { BoardSession } from '../board/sync/boardSession.ts'
import { currentTLUser } from '../identity/currentUser.ts'
import { boardControls } from './boardControls.ts'

/** Set while the owner presents this board's frames (local to the presenting tab). */
export const presenting = atom('presenting', false)

/** Set while this tab shows a frame someone else presents (see PresentationWatch). */
export const watchingPresentation = atom('watching presentation', false)

/** The board's frames in reading order: top to bottom, then left to right. */
export function framesOf(editor: Editor): TLShape[] {
  return editor
    .getCurrentPageShapes()
    .filter((shape) => shape.type === 'frame')
    .sort((a, b) => (Math.abs(a.y - b.y) > 40 ? a.y - b.y : a.x - b.x))
}

/**
 * Presentation mode: the owner steps through the board's frames full screen (arrow keys or the
 * buttons), and everyone follows the owner's view. Render inside <Tldraw>.
 */
export function Presentation({ session }: { session: BoardSession }) {
  const editor = useEditor()
  const active = useValue('presenting', () => presenting.get(), [])
  const [index, setIndex] = useState(0)
  const frames = useValue('frames', () => framesOf(editor), [editor])
  // The key handler outlives renders; it reads the current number of frames from here.
  const frameCount = useRef(frames.length)
  useEffect(() => {
    frameCount.current = frames.length
  }, [frames.length])

  useEffect(() => {
    if (!active) return
    editor.selectNone()
    // Focus mode hides tldraw's menus and toolbar: the frames get the whole screen.
    const wasFocused = editor.getInstanceState().isFocusMode
    editor.updateInstanceState({ isFocusMode: true })
    void document.documentElement.requestFullscreen?.().catch(() => {})
    const stop = () => presenting.set(false)
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight' || event.key === 'PageDown' || event.key === ' ') setIndex((i) => Math.min(frameCount.current - 1, i + 1))
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') setIndex((i) => Math.max(0, i - 1))
      else if (event.key === 'Escape') stop()
      else return
      event.preventDefault()
      event.stopPropagation()
    }
    window.addEventListener('keydown', onKey, { capture: true })
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true })
      editor.updateInstanceState({ isFocusMode: wasFocused })
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {})
      boardControls.of(session).send({ op: 'follow-stop' })
      setIndex(0)
    }
  }, [active, editor, session])

  const current = frames[Math.min(index, frames.length - 1)]
  const currentId = current?.id ?? null
  useEffect(() => {
    if (!active) return
    const frame = currentId ? editor.getShape(currentId) : undefined
    const bounds = frame && editor.getShapePageBounds(frame)
    if (bounds) editor.zoomToBounds(bounds, { inset: 32, animation: { duration: 300 } })
    // Everyone else shows the same frame fitted to their own window (PresentationWatch).
    const me = currentTLUser.get()
    if (me) boardControls.of(session).send({ op: 'follow-me', userId: me.id, name: me.name, frame: currentId })
  }, [active, currentId, editor, session])

  if (!active) return null
  return (
    <div className="board-banner presentation-bar" role="toolbar" aria-label="Presentation" data-testid="presentation-bar">
      {frames.length === 0 ? (
        <span>This board has no frames to present: draw frames around what you want to show.</span>
      ) : (
        <>
          <button type="button" className="button button--quiet" onClick={() => setIndex(Math.max(0, index - 1))} disabled={index === 0}>
            ←
          </button>
          <span data-testid="presentation-position">
            Frame {Math.min(index, frames.length - 1) + 1} of {frames.length}
          </span>
          <button
            type="button"
            className="button button--quiet"
            data-testid="presentation-next"
            onClick={() => setIndex(Math.min(frames.length - 1, index + 1))}
            disabled={index >= frames.length - 1}
          >
            →
          </button>
        </>
      )}
      <button type="button" className="button button--quiet" onClick={() => presenting.set(false)}>
        Stop presenting (Esc)
      </button>
    </div>
  )
}
