import type { SessionRecord, Storage } from '../storage/types.ts'

/** The class session a board belongs to, or null when it belongs to none. */
export async function boardSession(storage: Storage, boardId: string): Promise<SessionRecord | null> {
  const sessionId = await storage.sessionOfBoard(boardId)
  return sessionId === null ? null : storage.getSession(sessionId)
}
