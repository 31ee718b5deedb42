import * as Y from 'yjs'
import {
  CATALOG,
  defaultProperties,
  getRecordsMap,
  readAllRecords,
  readRecord,
  writeRecord,
  type JsonRecord,
} from '@concord/shared'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** The board's first page, where the replica places its components (the server creates every board with one). */
export function firstPageId(doc: Y.Doc): string | null {
  const pages = readAllRecords(getRecordsMap(doc)).filter((record) => record.typeName === 'page')
  return pages.map((page) => page.id).sort()[0] ?? null
}

/**
 * Edit number `index` of a scripted run: every third edit places a catalog component (kinds in
 * catalog order), the others move or rename the latest one, so a run shows creates and
 * concurrent-prone field edits.
 */
export function makeEdit(doc: Y.Doc, index: number, pageId: string): void {
  const records = getRecordsMap(doc)
  const serial = Math.floor(index / 3)
  const id = `shape:replica-${doc.clientID}-${serial}`
  doc.transact(() => {
    if (index % 3 === 0) {
      const kind = CATALOG.kinds[serial % CATALOG.kinds.length]!
      writeRecord(records, {
        id,
        typeName: 'shape',
        type: 'component',
        parentId: pageId,
        index: fractionalIndex(),
        x: 40 + (serial % 8) * 220,
        y: 40 + Math.floor(serial / 8) * 160,
        rotation: 0,
        isLocked: false,
        opacity: 1,
        meta: {},
        props: {
          kind: kind.id,
          name: `${kind.label} ${serial + 1}`,
          w: kind.defaultSize.w,
          h: kind.defaultSize.h,
          properties: defaultProperties(kind),
          rationale: {},
        },
      } as JsonRecord)
      return
    }
    const shape = readRecord(records, id)
    if (!shape) return
    if (index % 3 === 1) writeRecord(records, { ...shape, y: (shape.y as number) + 20 })
    else writeRecord(records, { ...shape, props: { ...(shape.props as Record<string, unknown>), name: `${(shape.props as { name: string }).name}′` } } as JsonRecord)
  })
}

/** A random tldraw index key above `a1` (integer part `a1`, a random fraction not ending in 0). */
function fractionalIndex(): string {
  let fraction = ''
  for (let i = 0; i < 4; i++) fraction += BASE62[1 + Math.floor(Math.random() * 61)]
  return `a1${fraction}`
}
