import {
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeTools,
  defaultTools,
  Editor,
  registerDefaultSideEffects,
  tipTapDefaultExtensions,
  type TLStore,
} from 'tldraw'
import { boardShapeUtils } from '../shapes/index.ts'

/** An editor without UI over `store`, drawn into `container`, with the default side effects (arrow bindings etc.). */
export function createHiddenEditor(store: TLStore, container: HTMLElement): Editor {
  const editor = new Editor({
    store,
    shapeUtils: boardShapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [...defaultTools, ...defaultShapeTools],
    getContainer: () => container,
    initialState: 'select',
    options: { text: { addFontsFromNode: defaultAddFontsFromNode, tipTapConfig: { extensions: tipTapDefaultExtensions } } },
  })
  registerDefaultSideEffects(editor)
  return editor
}

/**
 * Runs `use` with a hidden editor over `store` (off screen), disposed after: for what only an
 * editor answers, such as tldraw's v1 conversion or a shape's text through its shape util.
 */
export function withHiddenEditor<T>(store: TLStore, use: (editor: Editor) => T): T {
  const container = document.createElement('div')
  container.style.cssText = 'position:fixed;left:-10000px;top:0;width:1000px;height:800px;visibility:hidden'
  document.body.appendChild(container)
  const editor = createHiddenEditor(store, container)
  try {
    return use(editor)
  } finally {
    editor.dispose()
    container.remove()
  }
}
