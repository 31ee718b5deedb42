import * as tldraw from 'tldraw'
import {
  createTLStore,
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeTools,
  defaultTools,
  Editor,
  registerDefaultSideEffects,
  tipTapDefaultExtensions,
  type TLRecord,
} from 'tldraw'
import { boardShapeUtils } from '../shapes/index.ts'
import { boardRecordTypes } from '../design-records/designRecordTypes.ts'

/**
 * tldraw 5.4.2 ships its v1 conversion as a runtime export of the package whose type it marks
 * internal (left out of the published typings): typed here as its source declares it.
 */
const { buildFromV1Document } = tldraw as unknown as { buildFromV1Document(editor: Editor, document: unknown): void }

/** What a tldraw v1 file holds, as far as Concord looks into it before tldraw converts it. */
interface V1Document {
  name?: unknown
  assets?: Record<string, { src?: unknown }>
}

/**
 * A tldraw v1 document converted to current records by tldraw's own conversion
 * (`buildFromV1Document`), which needs an editor: a hidden one, without UI, disposed after.
 * Images that are not inline (`data:` URLs) would be fetched from another host: they are kept
 * without a source instead, since Concord talks to no host but its own.
 */
export function recordsFromV1Document(document_: unknown): { name: string; records: TLRecord[] } {
  const v1 = structuredClone(document_) as V1Document
  for (const asset of Object.values(v1.assets ?? {})) {
    if (typeof asset.src === 'string' && !asset.src.startsWith('data:')) asset.src = ''
  }
  const container = document.createElement('div')
  container.style.cssText = 'position:fixed;left:-10000px;top:0;width:1000px;height:800px;visibility:hidden'
  document.body.appendChild(container)
  const store = createTLStore({ shapeUtils: boardShapeUtils, bindingUtils: defaultBindingUtils, records: boardRecordTypes })
  const editor = new Editor({
    store,
    shapeUtils: boardShapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [...defaultTools, ...defaultShapeTools],
    getContainer: () => container,
    initialState: 'select',
    options: { text: { addFontsFromNode: defaultAddFontsFromNode, tipTapConfig: { extensions: tipTapDefaultExtensions } } },
  })
  try {
    registerDefaultSideEffects(editor)
    buildFromV1Document(editor, v1)
    const records = store.allRecords().filter((record) => store.scopedTypes.document.has(record.typeName))
    return { name: typeof v1.name === 'string' ? v1.name.trim() : '', records }
  } finally {
    editor.dispose()
    container.remove()
  }
}
