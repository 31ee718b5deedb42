import * as Y from 'yjs'

/**
 * The Y.Doc layout of a board (document name `board:<id>`).
 *
 * - `records`: every tldraw document-scope record keyed by record id, each a nested Y.Map
 *   written and read only through the codec (`./codec.ts`).
 * - `board`: board-level metadata (title, creation time, the format the records were written with).
 */
export const RECORDS_KEY = 'records'
export const BOARD_KEY = 'board'

/** Bumped when the way records are laid out in Yjs changes incompatibly. */
export const BOARD_FORMAT_VERSION = 1

export type YRecord = Y.Map<unknown>
export type YRecords = Y.Map<YRecord>

export interface BoardMeta {
  title: string
  createdAt: number
  formatVersion: number
}

export function getRecordsMap(doc: Y.Doc): YRecords {
  return doc.getMap<YRecord>(RECORDS_KEY)
}

export function getBoardMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(BOARD_KEY)
}

/** Key of the catalog template a board started from (a session's team boards get its records at creation). */
export const TEMPLATE_KEY = 'template'

/** Writes the board metadata of a newly created board. Only the server's board creation calls it. */
export function initBoardDoc(doc: Y.Doc, meta: Omit<BoardMeta, 'formatVersion'> & { template?: string | null }): void {
  doc.transact(() => {
    const board = getBoardMap(doc)
    board.set('title', meta.title)
    board.set('createdAt', meta.createdAt)
    board.set('formatVersion', BOARD_FORMAT_VERSION)
    if (meta.template) board.set(TEMPLATE_KEY, meta.template)
  })
}

/** Reads the board metadata, or null when the document has none (not a board, or not loaded yet). */
export function readBoardMeta(doc: Y.Doc): BoardMeta | null {
  const board = getBoardMap(doc)
  const title = board.get('title')
  const createdAt = board.get('createdAt')
  const formatVersion = board.get('formatVersion')
  if (typeof title !== 'string' || typeof createdAt !== 'number' || typeof formatVersion !== 'number') {
    return null
  }
  return { title, createdAt, formatVersion }
}

/** Yjs document name of a board. */
export function boardDocumentName(boardId: string): string {
  return `board:${boardId}`
}
