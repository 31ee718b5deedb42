import {
  BOARD_ID_PATTERN,
  boardLinkPath,
  parseLinkToken,
  ROLES,
  sessionSubject,
  type BoardLinks,
  type Role,
} from '@concord/shared'
import type { BoardRecord, Storage } from '../storage/types.ts'
import { LinkSigner } from './link-signer.ts'

export interface BoardGrant {
  board: BoardRecord
  role: Role
  /** The link generation the token was signed for (the role's current one). */
  generation: number
}

/** Why access was refused. For the server's logs only: clients always get the same refusal. */
export type RefusalCause = 'malformed board id' | 'malformed token' | 'unknown board' | 'revoked link' | 'bad signature'

export type AccessDecision = { granted: true; grant: BoardGrant } | { granted: false; cause: RefusalCause }

/**
 * The one place that decides whether a link token opens a board, for the HTTP API and the
 * collaboration websocket alike.
 */
export class BoardAccess {
  private signer: Promise<LinkSigner> | undefined

  constructor(
    private readonly storage: Storage,
    private readonly loadSecret: () => Promise<Buffer>,
  ) {}

  /** Loads (or creates) the signing secret; called once at start so a storage problem surfaces early. */
  async ready(): Promise<LinkSigner> {
    this.signer ??= this.loadSecret().then((secret) => new LinkSigner(secret))
    return this.signer
  }

  /** The current link of every role of a board. */
  async linksOf(board: BoardRecord): Promise<BoardLinks> {
    const signer = await this.ready()
    const entries = ROLES.map((role) => [role, boardLinkPath(board.id, signer.issue(board.id, role, board.linkGenerations[role]))])
    return Object.fromEntries(entries) as BoardLinks
  }

  async sessionToken(sessionId: string): Promise<string> {
    return (await this.ready()).issue(sessionSubject(sessionId), 'owner', 0)
  }

  /** Whether `rawToken` is the instructor token of the session. */
  async checkSession(sessionId: string, rawToken: string): Promise<boolean> {
    const token = parseLinkToken(rawToken)
    if (!token || token.role !== 'owner' || token.generation !== 0) return false
    return (await this.ready()).verify(sessionSubject(sessionId), token)
  }

  async check(boardId: string, rawToken: string): Promise<AccessDecision> {
    if (!BOARD_ID_PATTERN.test(boardId)) return refuse('malformed board id')
    const token = parseLinkToken(rawToken)
    const signer = await this.ready()
    const board = await this.storage.getBoard(boardId)
    if (!board) return refuse('unknown board')
    if (!token) return refuse('malformed token')
    if (!signer.verify(boardId, token)) {
      // The instructor's session token acts as the owner on every board of its session.
      const sessionId = token.role === 'owner' ? await this.storage.sessionOfBoard(boardId) : null
      if (sessionId !== null && (await this.checkSession(sessionId, rawToken))) {
        return { granted: true, grant: { board, role: 'owner', generation: board.linkGenerations.owner } }
      }
      return refuse('bad signature')
    }
    if (board.linkGenerations[token.role] !== token.generation) return refuse('revoked link')
    return { granted: true, grant: { board, role: token.role, generation: token.generation } }
  }
}

export interface SessionAccess {
  /** The session token: signed over the session, the owner role, generation 0. */
  sessionToken(sessionId: string): Promise<string>
  checkSession(sessionId: string, rawToken: string): Promise<boolean>
}

function refuse(cause: RefusalCause): AccessDecision {
  return { granted: false, cause }
}
