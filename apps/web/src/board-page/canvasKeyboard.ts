import type { KeyboardEvent } from 'react'

/** Where Tab belongs to what has focus: text being edited, form fields, open menus and dialogs. */
const OWNS_TAB = 'input, textarea, select, [contenteditable="true"], [role="menu"], [role="dialog"], .tlui-popover__content'

/**
 * tldraw takes Tab for itself whenever a shape is selected (it moves the selection to the next
 * shape), even while focus is on one of its toolbar buttons, so keyboard users could not leave
 * the canvas for the inspector or the board's actions. Tab on tldraw's own buttons is kept from
 * tldraw and moves focus as everywhere else; on the canvas itself it still steps through shapes
 * (Escape clears the selection, after which Tab leaves). Use as the canvas wrapper's capture handler.
 */
export function letTabLeaveTldrawUi(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey) return
  const target = event.target as HTMLElement
  if (target.classList.contains('tl-container') || target.closest(OWNS_TAB)) return
  event.stopPropagation()
}
