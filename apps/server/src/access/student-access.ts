import { parseStudentToken, studentLinkPath } from '@concord/shared'
import type { StudentRecord } from '../storage/peer-review-types.ts'
import type { Storage } from '../storage/types.ts'
import type { LinkSigner } from './link-signer.ts'

/**
 * Students' personal tokens (`student.<key>.<generation>.<mac>`): issued per roster entry,
 * signed over the session, the student's key and generation, revoked one student at a time.
 */
export class StudentAccess {
  constructor(
    private readonly storage: Storage,
    private readonly signer: () => Promise<LinkSigner>,
  ) {}

  async token(student: StudentRecord): Promise<string> {
    return (await this.signer()).issueStudent(student.sessionId, student.key, student.generation)
  }

  /** The student's page: `/s/<session>/me#k=<token>`. */
  async link(student: StudentRecord): Promise<string> {
    return studentLinkPath(student.sessionId, await this.token(student))
  }

  /** The student whose current token `rawToken` is, or null (not a student token, unknown, revoked or forged). */
  async verify(rawToken: string): Promise<StudentRecord | null> {
    const token = parseStudentToken(rawToken)
    if (!token) return null
    const student = await this.storage.peerReview.getStudent(token.key)
    if (!student || student.generation !== token.generation) return null
    return (await this.signer()).verifyStudent(student.sessionId, token) ? student : null
  }

  /** The board of the student's team in their session, or null when the session has no such team (any more). */
  async teamBoardId(student: StudentRecord): Promise<string | null> {
    const session = await this.storage.getSession(student.sessionId)
    return session?.boards.find(({ team }) => team === student.team)?.boardId ?? null
  }
}
