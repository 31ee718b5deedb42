import { createHmac, timingSafeEqual } from 'node:crypto'
import { formatLinkToken, formatStudentToken, linkTokenMessage, studentTokenMessage, type LinkToken, type Role, type StudentToken } from '@concord/shared'

/** Truncated HMAC length: 128 bits, 22 base64url characters. */
const MAC_BYTES = 16

/** Signs and checks the mac of link tokens (`<role>.<generation>.<mac>`) and student tokens with the server's secret. */
export class LinkSigner {
  constructor(private readonly secret: Buffer) {}

  issue(boardId: string, role: Role, generation: number): string {
    return formatLinkToken({ role, generation, mac: this.mac(boardId, role, generation) })
  }

  /** Whether the token's mac was made by this server for this board; generations are checked by the caller. */
  verify(boardId: string, token: LinkToken): boolean {
    return sameMac(this.mac(boardId, token.role, token.generation), token.mac)
  }

  issueStudent(sessionId: string, key: string, generation: number): string {
    return formatStudentToken({ key, generation, mac: this.sign(studentTokenMessage(sessionId, key, generation)) })
  }

  /** Whether the student token's mac was made by this server for this session; generations are checked by the caller. */
  verifyStudent(sessionId: string, token: StudentToken): boolean {
    return sameMac(this.sign(studentTokenMessage(sessionId, token.key, token.generation)), token.mac)
  }

  private mac(boardId: string, role: Role, generation: number): string {
    return this.sign(linkTokenMessage(boardId, role, generation))
  }

  private sign(message: string): string {
    return createHmac('sha256', this.secret)
      .update(message)
      .digest()
      .subarray(0, MAC_BYTES)
      .toString('base64url')
  }
}

function sameMac(expectedMac: string, actualMac: string): boolean {
  const expected = Buffer.from(expectedMac, 'ascii')
  const actual = Buffer.from(actualMac, 'ascii')
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
