import type { JsonRecord } from './codec.ts'

/** The ids tldraw gives a new store's document and first page; boards are seeded with the same ones. */
export const DOCUMENT_RECORD_ID = 'document:document'
export const FIRST_PAGE_ID = 'page:page'

/** tldraw 5.4's document record and first page, as a new store creates them. */
export function seedRecords(): JsonRecord[] {
  return [
    { id: DOCUMENT_RECORD_ID, typeName: 'document', gridSize: 10, name: '', meta: {} },
    { id: FIRST_PAGE_ID, typeName: 'page', name: 'Page 1', index: 'a1', meta: {} },
  ]
}

/**
 * A board's starting records made complete: the document record and a first page added when
 * missing, so every board is valid from its creation (an empty board, an import, a duplicate of
 * a board nobody opened) and any client, a stock y-websocket one too, can join it and edit at once.
 */
export function withSeedRecords(records: readonly JsonRecord[]): JsonRecord[] {
  const hasDocument = records.some((record) => record.typeName === 'document')
  const hasPage = records.some((record) => record.typeName === 'page')
  const [document, page] = seedRecords()
  return [...(hasDocument ? [] : [document!]), ...(hasPage ? [] : [page!]), ...records]
}
