import type { BoardDocumentKind, Role } from '@concord/shared'

/** What a collaboration connection carries after authentication (Hocuspocus merges it into `context`). */
export interface CollabContext {
  boardId: string
  /** Which of the board's documents the connection is for. */
  document: BoardDocumentKind
  role: Role
  /** The link generation of the token; rotating the role's link closes connections of older ones. */
  generation: number
  /** Opened with the class session's instructor token of this generation; rotating it closes the connection. */
  sessionGeneration?: number
  /** Opened with a student's personal token of this key and generation; rotating it closes the connection. */
  student?: { key: string; generation: number }
  /** The client's address (after `TRUST_PROXY`), set by the socket before authentication. */
  address?: string
}

/** Thrown from hooks to refuse a connection; Hocuspocus sends `reason` to the client as is. */
export interface CollabRefusal {
  reason: string
}
