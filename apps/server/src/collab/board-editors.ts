import { isTransactionOrigin, type afterLoadDocumentPayload, type Document, type Extension } from '@hocuspocus/server'
import { changesDesign, getRecordsMap, parseCollabDocumentName } from '@concord/shared'
import type { Logger } from 'pino'
import type { Storage } from '../storage/types.ts'

/** Longest name kept (the browser's name prompt allows 40 characters). */
const MAX_NAME = 60

/**
 * Notes who edited each board, for the design report's team: when a change to the design arrives
 * from a client connection of this node, the display name that connection shows in its awareness
 * presence is stored with the board, once per name.
 *
 * Why this is trusted enough: there are no accounts, so a name is whatever its browser chose; but
 * only a connection whose link may write the design gets here (reviewers and viewers are
 * read-only), awareness-limits keeps a connection to its own presence, and the board's records
 * (such as tldraw's `user` records, which any editor can write under any name and which templates
 * and duplicates copy) play no part. Edits relayed from other nodes are noted by the node their
 * author is connected to.
 */
export class BoardEditors implements Extension {
  extensionName = 'concord-board-editors'
  /** Names this node has stored, per board, so a busy editor costs one write. */
  private readonly stored = new Map<string, Set<string>>()

  constructor(
    private readonly storage: Pick<Storage, 'addBoardEditor'>,
    private readonly log: Logger,
  ) {}

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    const target = parseCollabDocumentName(documentName)
    if (target?.kind !== 'board') return
    // The observer goes with the document when it is unloaded.
    const records = getRecordsMap(document)
    records.observeDeep((events, transaction) => {
      if (!changesDesign(records, events)) return
      const name = editorName(document, transaction.origin)
      if (name) this.note(target.boardId, name)
    })
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    const target = parseCollabDocumentName(documentName)
    if (target?.kind === 'board') this.stored.delete(target.boardId)
  }

  private note(boardId: string, name: string): void {
    const names = this.stored.get(boardId) ?? new Set<string>()
    if (names.has(name)) return
    names.add(name)
    this.stored.set(boardId, names)
    this.storage.addBoardEditor(boardId, name, Date.now()).catch((error: unknown) => {
      names.delete(name)
      this.log.error({ err: error, boardId }, 'board editor not stored')
    })
  }
}

/** The display name shown by the client connection a change came from; null for any other origin or no name. */
function editorName(document: Document, origin: unknown): string | null {
  if (!isTransactionOrigin(origin) || origin.source !== 'connection') return null
  for (const clientId of document.getClients(origin.connection)) {
    const state = document.awareness.getStates().get(clientId) as { presence?: { userName?: unknown }; user?: { name?: unknown } } | undefined
    const name = state?.presence?.userName ?? state?.user?.name
    const cleaned = typeof name === 'string' ? name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME) : ''
    if (cleaned) return cleaned
  }
  return null
}
