import type { Role } from '@concord/shared'

/** What a collaboration connection carries after authentication (Hocuspocus merges it into `context`). */
export interface CollabContext {
  boardId: string
  role: Role
}

/** Thrown from hooks to refuse a connection; Hocuspocus sends `reason` to the client as is. */
export interface CollabRefusal {
  reason: string
}
