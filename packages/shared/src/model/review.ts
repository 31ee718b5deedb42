/**
 * The review document of a board (document name `review:<id>`): the peer-review layer that lives
 * beside the design in its own Y.Doc, synced over the same socket with the same link token.
 * Reviewers may write it while the design stays read-only for them.
 */

/** Yjs document name of a board's review layer. */
export function reviewDocumentName(boardId: string): string {
  return `review:${boardId}`
}

/** The documents a board consists of on `/collab`. */
export type BoardDocumentKind = 'board' | 'review'

/** Which document of which board a name denotes, or null when it is neither a design nor a review document. */
export function parseCollabDocumentName(name: string): { kind: BoardDocumentKind; boardId: string } | null {
  for (const kind of ['board', 'review'] as const) {
    if (name.startsWith(`${kind}:`)) return { kind, boardId: name.slice(kind.length + 1) }
  }
  return null
}
