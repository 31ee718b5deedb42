import { randomBytes } from 'node:crypto'
import type { Storage } from '../storage/types.ts'

const SECRET_SETTING = 'link_secret'

/**
 * The key that signs link tokens: `CONCORD_SECRET` when configured, otherwise 32 random bytes
 * generated on first start and kept in the settings table, so issued links survive restarts.
 */
export async function loadLinkSecret(storage: Storage, configured: string | undefined): Promise<Buffer> {
  if (configured !== undefined) return Buffer.from(configured, 'utf8')
  const stored = await storage.getSetting(SECRET_SETTING)
  if (stored !== null) return Buffer.from(stored, 'base64url')
  const generated = randomBytes(32)
  await storage.setSetting(SECRET_SETTING, generated.toString('base64url'))
  return generated
}
