import { randomBytes } from 'node:crypto'

/** 16 random bytes in base64url (22 characters): board and asset ids, unguessable by design. */
export function randomId(): string {
  return randomBytes(16).toString('base64url')
}
