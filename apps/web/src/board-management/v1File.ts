import * as tldraw from 'tldraw'
import { createTLStore, defaultBindingUtils, type Editor, type TLRecord } from 'tldraw'
import { withHiddenEditor } from '../board/hiddenEditor.ts'
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
  const store = createTLStore({ shapeUtils: boardShapeUtils, bindingUtils: defaultBindingUtils, records: boardRecordTypes })
  return withHiddenEditor(store, (editor) => {
    buildFromV1Document(editor, v1)
    const records = store.allRecords().filter((record) => store.scopedTypes.document.has(record.typeName))
    return { name: typeof v1.name === 'string' ? v1.name.trim() : '', records }
  })
}
