import { createHmac, timingSafeEqual } from 'node:crypto'
import { formatLinkToken, linkTokenMessage, type LinkToken, type Role } from '@concord/shared'

/** Truncated HMAC length: 128 bits, 22 base64url characters. */
const MAC_BYTES = 16

/** Signs and checks the mac of link tokens (`<role>.<generation>.<mac>`) with the server's secret. */
export class LinkSigner {
  constructor(private readonly secret: Buffer) {}

  issue(boardId: string, role: Role, generation: number): string {
    return formatLinkToken({ role, generation, mac: this.mac(boardId, role, generation) })
  }

  /** Whether the token's mac was made by this server for this board; generations are checked by the caller. */
  verify(boardId: string, token: LinkToken): boolean {
    const expected = Buffer.from(this.mac(boardId, token.role, token.generation), 'ascii')
    const actual = Buffer.from(token.mac, 'ascii')
    return expected.length === actual.length && timingSafeEqual(expected, actual)
  }

  private mac(boardId: string, role: Role, generation: number): string {
    return createHmac('sha256', this.secret)
      .update(linkTokenMessage(boardId, role, generation))
      .digest()
      .subarray(0, MAC_BYTES)
      .toString('base64url')
  }
}
