import { sessionLinkPath, type SessionResponse } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import { randomId } from '../random-id.ts'
import type { SessionRecord, Storage } from '../storage/types.ts'
import { createBoard } from './create-board.ts'

/**
 * Creates a class session: one board per team, "<name> · Team N", each starting from the
 * template (a catalog template id the caller has checked), then the session over them.
 */
export async function createSession(
  storage: Storage,
  access: BoardAccess,
  { name, teams, template }: { name: string; teams: number; template: string | null },
): Promise<SessionResponse> {
  const id = randomId()
  const boards: SessionRecord['boards'] = []
  for (let team = 1; team <= teams; team++) {
    const board = await createBoard(storage, access, { title: `${name} · Team ${team}`, template })
    boards.push({ team, boardId: board.id })
  }
  const session: SessionRecord = { id, name, createdAt: Date.now(), template, boards }
  await storage.createSession(session)
  return describeSession(storage, access, session)
}

/** What the instructor gets: the dashboard link, and per team the instructor's link and the team's links (no owner link). */
export async function describeSession(storage: Storage, access: BoardAccess, session: SessionRecord): Promise<SessionResponse> {
  const token = await access.sessionToken(session.id)
  const teams: SessionResponse['teams'] = []
  for (const { team, boardId } of session.boards) {
    const board = await storage.getBoard(boardId)
    if (!board) continue
    const { editor, reviewer, viewer } = await access.linksOf(board)
    teams.push({ team, boardId, title: board.title, instructor: `/b/${boardId}#k=${encodeURIComponent(token)}`, links: { editor, reviewer, viewer } })
  }
  return {
    id: session.id,
    name: session.name,
    createdAt: session.createdAt,
    template: session.template,
    dashboard: sessionLinkPath(session.id, token),
    teams,
  }
}
