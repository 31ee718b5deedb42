import { useEffect, useId, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

/**
 * A modal dialog over the page, rendered at the document's root so no transformed ancestor (such as
 * tldraw's UI layers) can clip it. Escape and a click on the backdrop close it.
 */
export function Dialog({
  title,
  onClose,
  children,
  testId,
  wide = false,
  className,
}: {
  title: string
  onClose(): void
  children: ReactNode
  testId?: string
  wide?: boolean
  /** A further class for a dialog sized its own way. */
  className?: string
}) {
  const titleId = useId()
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    panel.current?.focus()
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return createPortal(
    <div className="dialog-backdrop" onPointerDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={panel}
        className={`dialog card${wide ? ' dialog--wide' : ''}${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
        // Keys typed here belong to the dialog, not to tldraw's shortcuts; stopping them also keeps
        // Escape from the window's listener, so it is handled here.
        onKeyDown={(event) => {
          event.stopPropagation()
          if (event.key === 'Escape') onClose()
        }}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  )
}
