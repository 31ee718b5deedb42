import type { Hocuspocus } from '@hocuspocus/server'
import { BOARD_REFUSAL, boardDocumentName, reviewDocumentName } from '@concord/shared'
import type { CollabContext } from './context.ts'

/** Close code for connections whose link no longer grants access (Hocuspocus' Forbidden). */
const FORBIDDEN = 4403

/**
 * Ends open collaboration connections of a board when its links change: a rotated role's
 * connections on both of its documents, or every connection when the board is deleted. The
 * client is told with the uniform refusal; its reconnect is then refused by authentication.
 */
export class BoardConnections {
  constructor(private readonly hocuspocus: Hocuspocus<CollabContext>) {}

  /** Closes the connections that match, on the board's design and review documents; returns how many. */
  close(boardId: string, matches: (context: CollabContext) => boolean = () => true): number {
    let closed = 0
    for (const name of [boardDocumentName(boardId), reviewDocumentName(boardId)]) {
      const document = this.hocuspocus.documents.get(name)
      for (const connection of document?.getConnections() ?? []) {
        if (!matches(connection.context as CollabContext)) continue
        connection.close({ code: FORBIDDEN, reason: BOARD_REFUSAL })
        closed++
      }
    }
    return closed
  }

  /** Resolves once neither document of the board is loaded (or after `timeoutMs`); true when unloaded. */
  async unloaded(boardId: string, timeoutMs = 10_000): Promise<boolean> {
    const names = [boardDocumentName(boardId), reviewDocumentName(boardId)]
    const deadline = Date.now() + timeoutMs
    while (names.some((name) => this.isLoaded(name))) {
      if (Date.now() > deadline) return false
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    return true
  }

  private isLoaded(name: string): boolean {
    const { documents, loadingDocuments, unloadingDocuments } = this.hocuspocus
    return documents.has(name) || loadingDocuments.has(name) || unloadingDocuments.has(name)
  }
}
