import { createContext, useContext, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

/**
 * The board's top bar spans the page above the library, the canvas and the inspector, so it never
 * competes with them for width. Its two halves are separate elements: the start (title, status)
 * comes first in the page and the end (people, Review, Class, Share, board menu) after the
 * inspector, so Tab visits library, canvas, inspector, then the actions.
 */
export interface BoardBarSlots {
  start: HTMLElement | null
  end: HTMLElement | null
}

export const BoardBarContext = createContext<BoardBarSlots>({ start: null, end: null })

/**
 * Fills the bar from inside a `<Tldraw>` (live board or frozen version): a portal keeps tldraw's
 * editor and UI contexts for what it renders there.
 */
export function BoardBar({ start, end }: { start: ReactNode; end: ReactNode }) {
  const slots = useContext(BoardBarContext)
  return (
    <>
      {slots.start && createPortal(start, slots.start)}
      {slots.end && createPortal(end, slots.end)}
    </>
  )
}
