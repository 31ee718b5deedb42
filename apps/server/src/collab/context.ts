import type { BoardDocumentKind, Role } from '@concord/shared'

/** What a collaboration connection carries after authentication (Hocuspocus merges it into `context`). */
export interface CollabContext {
  boardId: string
  /** Which of the board's documents the connection is for. */
  document: BoardDocumentKind
  role: Role
  /** The link generation of the token; rotating the role's link closes connections of older ones. */
  generation: number
}

/** Thrown from hooks to refuse a connection; Hocuspocus sends `reason` to the client as is. */
export interface CollabRefusal {
  reason: string
}
