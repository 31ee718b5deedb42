import {
  BOARD_ID_PATTERN,
  boardLinkPath,
  parseLinkToken,
  ROLES,
  sessionSubject,
  type BoardLinks,
  type Role,
} from '@concord/shared'
import type { StudentRecord } from '../storage/peer-review-types.ts'
import type { BoardRecord, Storage } from '../storage/types.ts'
import type { AuthThrottle } from './auth-throttle.ts'
import { LinkSigner } from './link-signer.ts'
import { StudentAccess } from './student-access.ts'

export interface BoardGrant {
  board: BoardRecord
  role: Role
  /** The link generation the token was signed for (the role's current one). */
  generation: number
  /** Set when the token is the instructor token of the board's class session: that token's generation. */
  sessionGeneration?: number
  /** Set when the token is a student's personal token (an editor of their own team's board only). */
  student?: { key: string; generation: number }
}

/** Why access was refused. For the server's logs only: clients always get the same refusal. */
export type RefusalCause =
  | 'malformed board id'
  | 'malformed token'
  | 'unknown board'
  | 'revoked link'
  | 'bad signature'
  | 'not the student’s team board'

export type AccessDecision =
  | { granted: true; grant: BoardGrant }
  | { granted: false; cause: RefusalCause }
  /** The address has had too many refusals this minute: not checked; try again in `retryAfter` seconds. */
  | { granted: false; cause: 'throttled'; retryAfter: number }

/**
 * The one place that decides whether a link token opens a board, for the HTTP API and the
 * collaboration websocket alike.
 */
export class BoardAccess {
  private signer: Promise<LinkSigner> | undefined
  readonly students: StudentAccess

  constructor(
    private readonly storage: Storage,
    private readonly loadSecret: () => Promise<Buffer>,
    /** Refusals per client address; without one, nothing is throttled. */
    private readonly throttle: AuthThrottle | null = null,
  ) {
    this.students = new StudentAccess(storage, () => this.ready())
  }

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
    return (await this.ready()).issue(sessionSubject(sessionId), 'owner', await this.sessionGeneration(sessionId))
  }

  /** Revokes the session's instructor token (on every team board at once); returns the new generation. */
  async rotateSessionToken(sessionId: string): Promise<number> {
    const generation = (await this.sessionGeneration(sessionId)) + 1
    await this.storage.setSetting(sessionGenerationKey(sessionId), String(generation))
    return generation
  }

  /** Whether `rawToken` is the current instructor token of the session. */
  async checkSession(sessionId: string, rawToken: string): Promise<boolean> {
    const token = parseLinkToken(rawToken)
    if (!token || token.role !== 'owner' || token.generation !== (await this.sessionGeneration(sessionId))) return false
    return (await this.ready()).verify(sessionSubject(sessionId), token)
  }

  /** The generation of the session's instructor token: 0 until it is first rotated. */
  private async sessionGeneration(sessionId: string): Promise<number> {
    return Number((await this.storage.getSetting(sessionGenerationKey(sessionId))) ?? 0)
  }

  /**
   * Whether `rawToken` opens the board. With the client's `address`, refusals count against it
   * and an address over its budget is refused unchecked.
   */
  async check(boardId: string, rawToken: string, address?: string): Promise<AccessDecision> {
    const retryAfter = address === undefined ? 0 : (this.throttle?.retryAfter(address) ?? 0)
    if (retryAfter > 0) return { granted: false, cause: 'throttled', retryAfter }
    const decision = await this.decide(boardId, rawToken)
    if (!decision.granted && address !== undefined) this.throttle?.fail(address)
    return decision
  }

  /** Like `checkSession`, throttled per address as `check` is (`retryAfter` > 0: not checked, wait). */
  async checkSessionFrom(address: string, sessionId: string, rawToken: string): Promise<{ ok: boolean; retryAfter: number }> {
    const retryAfter = this.throttle?.retryAfter(address) ?? 0
    if (retryAfter > 0) return { ok: false, retryAfter }
    const ok = await this.checkSession(sessionId, rawToken)
    if (!ok) this.throttle?.fail(address)
    return { ok, retryAfter: 0 }
  }

  /** The student whose token `rawToken` is, throttled per address as `check` is (`retryAfter` > 0: not checked, wait). */
  async studentFrom(address: string, rawToken: string): Promise<{ student: StudentRecord | null; retryAfter: number }> {
    const retryAfter = this.throttle?.retryAfter(address) ?? 0
    if (retryAfter > 0) return { student: null, retryAfter }
    const student = await this.students.verify(rawToken)
    if (!student) this.throttle?.fail(address)
    return { student, retryAfter: 0 }
  }

  private async decide(boardId: string, rawToken: string): Promise<AccessDecision> {
    if (!BOARD_ID_PATTERN.test(boardId)) return refuse('malformed board id')
    const token = parseLinkToken(rawToken)
    const signer = await this.ready()
    const board = await this.storage.getBoard(boardId)
    if (!board) return refuse('unknown board')
    if (!token) return this.decideStudent(board, rawToken)
    if (!signer.verify(boardId, token)) {
      // The instructor's session token acts as the owner on every board of its session.
      const sessionId = token.role === 'owner' ? await this.storage.sessionOfBoard(boardId) : null
      if (sessionId !== null && (await this.checkSession(sessionId, rawToken))) {
        return { granted: true, grant: { board, role: 'owner', generation: board.linkGenerations.owner, sessionGeneration: token.generation } }
      }
      return refuse('bad signature')
    }
    if (board.linkGenerations[token.role] !== token.generation) return refuse('revoked link')
    return { granted: true, grant: { board, role: token.role, generation: token.generation } }
  }

  /** A student's token opens their own team's board as an editor, and no other board. */
  private async decideStudent(board: BoardRecord, rawToken: string): Promise<AccessDecision> {
    const student = await this.students.verify(rawToken)
    if (!student) return refuse('malformed token')
    if ((await this.students.teamBoardId(student)) !== board.id) return refuse('not the student’s team board')
    const grant: BoardGrant = { board, role: 'editor', generation: board.linkGenerations.editor, student: { key: student.key, generation: student.generation } }
    return { granted: true, grant }
  }
}

export interface SessionAccess {
  /** The session token: signed over the session, the owner role and the session's token generation. */
  sessionToken(sessionId: string): Promise<string>
  checkSession(sessionId: string, rawToken: string): Promise<boolean>
  rotateSessionToken(sessionId: string): Promise<number>
}

function sessionGenerationKey(sessionId: string): string {
  return `session-token-generation:${sessionId}`
}

function refuse(cause: RefusalCause): AccessDecision {
  return { granted: false, cause }
}
