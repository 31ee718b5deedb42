import { afterEach } from 'vitest'
import { boardDocumentName, type CreateBoardResponse } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { openBoard, synced, type TestClient } from '@concord/test-kit/collab-client'
import { removeDir, startServer, tempDir, type TestServer } from './server.ts'

/**
 * What the tests of one file start: servers, clients and data directories, all stopped and
 * removed after each test. Call once, at the top level of a test file.
 */
export function testResources() {
  const servers: TestServer[] = []
  const clients: Array<{ destroy(): void }> = []
  const dirs: string[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) await server.close()
    for (const dir of dirs.splice(0)) removeDir(dir)
  })
  return {
    /** A data directory for several servers in turn, as across a restart. */
    dataDir(): string {
      const dir = tempDir()
      dirs.push(dir)
      return dir
    },
    async start(...args: Parameters<typeof startServer>): Promise<TestServer> {
      const server = await startServer(...args)
      servers.push(server)
      dirs.push(server.dataDir)
      return server
    },
    /** Registers a client made some other way, so it is destroyed after the test. */
    track<T extends { destroy(): void }>(client: T): T {
      clients.push(client)
      return client
    },
    open(...args: Parameters<typeof openBoard>): TestClient {
      const client = openBoard(...args)
      clients.push(client)
      return client
    },
    /** A new board on `server` with an editor on it, synced: how most tests begin. */
    async editorOnNewBoard(server: TestServer, title?: string): Promise<{ board: CreateBoardResponse; name: string; writer: TestClient }> {
      const board = await createBoard(server.url, title)
      const writer = openBoard(server.url, board.id, linkToken(board.links.editor))
      clients.push(writer)
      await synced(writer)
      return { board, name: boardDocumentName(board.id), writer }
    },
  }
}
