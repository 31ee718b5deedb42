import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startServer } from './helpers/server.ts'

/** A loopback port nobody listens on (bound, then released). */
async function deadPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('start with DATABASE_URL', () => {
  it('refuses to start when PostgreSQL cannot be reached, saying why', async () => {
    const port = await deadPort()
    await expect(startServer({ databaseUrl: `postgres://concord@127.0.0.1:${port}/concord` })).rejects.toThrow(/ECONNREFUSED/)
  })
})
