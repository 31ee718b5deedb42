import * as Y from 'yjs'
import { boardDocumentName, boardLinkPath, initBoardDoc, type CreateBoardResponse, type ISSUED_ROLES } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import { randomId } from '../random-id.ts'
import type { Storage } from '../storage/types.ts'

type IssuedRole = (typeof ISSUED_ROLES)[number]

/**
 * Creates a board: registers it and stores its initial document (the board metadata), then
 * returns the links of the roles the server issues. Only this creates documents; connecting
 * to a document never does.
 */
export async function createBoard(storage: Storage, access: BoardAccess, title: string): Promise<CreateBoardResponse> {
  const id = randomId()
  const createdAt = Date.now()
  const doc = new Y.Doc()
  initBoardDoc(doc, { title, createdAt })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()

  const board = await storage.createBoard({ id, title, createdAt }, { name: boardDocumentName(id), state })
  const link = async (role: IssuedRole) =>
    boardLinkPath(id, await access.linkFor(id, role, board.linkGenerations[role]))
  return { id, title, links: { owner: await link('owner'), editor: await link('editor') } }
}
