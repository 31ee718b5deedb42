import * as Y from 'yjs'
import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { BOARD_REFUSAL, parseCollabDocumentName } from '@concord/shared'
import type { Storage } from '../storage/types.ts'
import type { CollabRefusal } from './context.ts'

/**
 * Loads board documents from storage and writes their full state back after Hocuspocus'
 * debounce. Only registered boards load: connecting never creates a document.
 */
export class CollabStorage implements Extension {
  extensionName = 'concord-storage'

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
  ) {}

  async onLoadDocument({ documentName }: onLoadDocumentPayload): Promise<Uint8Array | undefined> {
    const boardId = parseCollabDocumentName(documentName)?.boardId ?? null
    if (boardId === null || !(await this.storage.getBoard(boardId))) {
      this.log.warn({ documentName: documentName.slice(0, 80) }, 'refused to load a document that is not a board')
      throw { reason: BOARD_REFUSAL } satisfies CollabRefusal
    }
    const state = await this.storage.loadDocument(documentName)
    if (state === null) {
      this.log.warn({ documentName }, 'board has no stored document; starting from an empty one')
      return undefined
    }
    return state
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    const state = Y.encodeStateAsUpdate(document)
    try {
      await this.storage.storeDocument(documentName, state)
    } catch (error) {
      // Rethrown so Hocuspocus keeps the document in memory; the next change retries the store.
      this.log.error({ err: error, documentName }, 'document store failed')
      throw error
    }
    this.log.info({ documentName, bytes: state.byteLength }, 'document stored')
  }
}
