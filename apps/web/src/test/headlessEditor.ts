import { createTLStore, defaultBindingUtils, type Editor, type TLStore } from 'tldraw'
import { createHiddenEditor } from '../board/hiddenEditor.ts'
import { boardShapeUtils } from '../shapes/index.ts'
import { boardRecordTypes } from '../design-records/designRecordTypes.ts'

/** A board store as the app makes it, minus the UI. */
export function createTestStore(): TLStore {
  return createTLStore({ shapeUtils: boardShapeUtils, bindingUtils: defaultBindingUtils, records: boardRecordTypes })
}

/** A tldraw Editor without React over `store`, with the default side effects (arrow bindings etc.). */
export function createHeadlessEditor(store: TLStore): Editor {
  const container = document.createElement('div')
  container.getBoundingClientRect = () => new DOMRect(0, 0, 1080, 720)
  document.body.appendChild(container)
  return createHiddenEditor(store, container)
}
