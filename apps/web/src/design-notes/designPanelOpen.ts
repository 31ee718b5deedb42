import { atom } from 'tldraw'

/** Whether this tab shows the Design panel; it stays open between the live board and a frozen version. */
export const designPanelOpen = atom('design panel open', false)
