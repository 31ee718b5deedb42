import * as Y from 'yjs'
import {
  boardDocumentName,
  findTemplate,
  getRecordsMap,
  initBoardDoc,
  reviewDocumentName,
  templateRecords,
  writeRecord,
  type CreateBoardResponse,
  withSeedRecords,
  type JsonRecord,
} from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import { randomId } from '../random-id.ts'
import type { Storage, StoredAsset } from '../storage/types.ts'

export interface NewBoardContent {
  /** Chosen by the caller when records must point into the new board (asset sources); random otherwise. */
  id?: string
  title: string
  /** Design records the board starts with (an import or a duplicate); written through the codec. */
  records?: readonly JsonRecord[]
  /** Images of the new board the records refer to. */
  assets?: readonly StoredAsset[]
  /** A catalog template the board starts from (checked by the caller): its records are the board's first. */
  template?: string | null
}

/**
 * Creates a board: registers it and stores its initial documents (the design with the board
 * metadata and any starting records, and an empty review), then returns the links of every role. Only this creates documents;
 * connecting to a document never does. Every board starts complete (tldraw's document record and a
 * first page at least), so no client has to seed it and any client may join it at once.
 */
export async function createBoard(
  storage: Storage,
  access: BoardAccess,
  { id = randomId(), title, records = [], assets = [], template = null }: NewBoardContent,
): Promise<CreateBoardResponse> {
  const createdAt = Date.now()
  const doc = new Y.Doc()
  initBoardDoc(doc, { title, createdAt, template })
  const startsFrom = template ? findTemplate(template) : undefined
  doc.transact(() => {
    const map = getRecordsMap(doc)
    for (const record of startsFrom ? templateRecords(startsFrom, id) : withSeedRecords(records)) writeRecord(map, record)
  })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()

  // The review layer starts empty; storing it with the design marks it as belonging to a real board.
  const board = await storage.createBoard({ id, title, createdAt }, [
    { name: boardDocumentName(id), state },
    { name: reviewDocumentName(id), state: Y.encodeStateAsUpdate(new Y.Doc()) },
  ])
  for (const asset of assets) await storage.putAsset(asset)
  return { id, title, links: await access.linksOf(board) }
}
