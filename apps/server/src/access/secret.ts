import { randomBytes } from 'node:crypto'
import type { Storage } from '../storage/types.ts'

const SECRET_SETTING = 'link_secret'

/**
 * The key that signs link tokens: `CONCORD_SECRET` when configured, otherwise 32 random bytes
 * generated on first start and kept in the settings table, so issued links survive restarts
 * and, with PostgreSQL, work on every node (the first node to start decides).
 */
export async function loadLinkSecret(storage: Storage, configured: string | undefined): Promise<Buffer> {
  if (configured !== undefined) return Buffer.from(configured, 'utf8')
  const stored = await storage.initSetting(SECRET_SETTING, randomBytes(32).toString('base64url'))
  return Buffer.from(stored, 'base64url')
}
