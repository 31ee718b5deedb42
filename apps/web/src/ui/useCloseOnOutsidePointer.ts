import { useEffect, type RefObject } from 'react'

/** While `open`, a pointer press outside `container` calls `close` (how a menu closes when you click elsewhere). */
export function useCloseOnOutsidePointer(open: boolean, container: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) close()
    }
    window.addEventListener('pointerdown', onPointerDown)
    return () => window.removeEventListener('pointerdown', onPointerDown)
  }, [open, container, close])
}
