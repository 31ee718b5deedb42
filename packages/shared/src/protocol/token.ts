import { z } from 'zod'
import { roleSchema, type Role } from './roles.ts'

/**
 * A link token: `<role>.<generation>.<mac>`.
 *
 * The mac is an HMAC (computed by the server, with its secret) over the board id, the role and the
 * link generation, truncated to 128 bits and base64url encoded. Bumping a role's generation
 * revokes every link issued before. Parsing here checks only the shape; the server verifies.
 */
export interface LinkToken {
  role: Role
  generation: number
  mac: string
}

const MAC_PATTERN = /^[A-Za-z0-9_-]{22}$/
const tokenPartsSchema = z.tuple([
  roleSchema,
  z.string().regex(/^(0|[1-9][0-9]{0,8})$/).transform(Number),
  z.string().regex(MAC_PATTERN),
])

export function formatLinkToken(token: LinkToken): string {
  return `${token.role}.${token.generation}.${token.mac}`
}

/** Parses a token's shape; null for anything malformed. */
export function parseLinkToken(raw: string): LinkToken | null {
  if (raw.length > 128) return null
  const parsed = tokenPartsSchema.safeParse(raw.split('.'))
  if (!parsed.success) return null
  const [role, generation, mac] = parsed.data
  return { role, generation, mac }
}

/** The message an HMAC covers, so signer and verifier cannot disagree on it. */
export function linkTokenMessage(boardId: string, role: Role, generation: number): string {
  return `concord-link:v1:${boardId}:${role}:${generation}`
}

/** The path that opens a board with a link token; the token rides in the fragment, never sent to servers. */
export function boardLinkPath(boardId: string, token: string): string {
  return `/b/${boardId}#k=${encodeURIComponent(token)}`
}

/** Reads the token from a location hash such as `#k=...`. */
export function tokenFromHash(hash: string): string | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const [key, value] = part.split('=')
    if (key !== 'k' || !value) continue
    try {
      return decodeURIComponent(value)
    } catch {
      return null // A mangled link (bad percent-encoding) is refused like any invalid link.
    }
  }
  return null
}
