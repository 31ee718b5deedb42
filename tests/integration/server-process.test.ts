import { afterEach, describe, expect, it } from 'vitest'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { authFrame } from '@concord/test-kit/frames'
import { openRawSocket } from '@concord/test-kit/raw-socket'
import { waitFor } from '@concord/test-kit/wait'
import { ServerProcess } from '../support/server-process.ts'

describe('the server as a process', () => {
  let server: ServerProcess | null = null
  afterEach(async () => {
    await server?.dispose()
    server = null
  })

  it('compacts open documents on SIGTERM and exits cleanly', async () => {
    const serverProcess = new ServerProcess()
    server = serverProcess
    await serverProcess.start()
    const board = await createBoard(server.url, 'Graceful')
    const writer = await connectBoard(server.url, board.id, linkToken(board.links.editor))
    const beforeEdit = server.mark()
    writer.document.getMap('probe').set('answer', 42)
    await waitFor(() => writer.unsyncedChanges === 0, { timeoutMs: 10_000, what: 'edit acknowledged' })
    // The writer stays connected and the board has not idled: only shutdown compacts it.
    const compacted = () => serverProcess.logsSince(beforeEdit).filter((r) => r.msg === 'document compacted')
    expect(compacted()).toEqual([])
    expect(await server.stop('SIGTERM')).toBe(0)
    expect(compacted()).toMatchObject([{ reason: 'unload', documentName: `board:${board.id}` }])
    writer.destroy()

    await server.start()
    const reader = await connectBoard(server.url, board.id, linkToken(board.links.owner))
    expect(reader.document.getMap('probe').get('answer')).toBe(42)
    reader.destroy()
  })

  it('logs what Hocuspocus reports on the console as JSON, with the rest of the log', async () => {
    server = new ServerProcess()
    await server.start()
    const board = await createBoard(server.url, 'Console')
    const name = `board:${board.id}`
    const { socket, received: answers } = await openRawSocket(server.url)
    try {
      const since = server.mark()
      socket.send(authFrame(name, linkToken(board.links.editor)))
      await waitFor(() => answers.length > 0, { timeoutMs: 10_000, what: 'the authentication answer' })
      // An auth message other than a token on an authenticated document: Hocuspocus complains with console.error.
      socket.send(authFrame(name, linkToken(board.links.editor), 1 /* AuthMessageType.PermissionDenied */))
      const line = await server.waitForLog((record) => record.component === 'console', { since })
      expect(line).toMatchObject({ level: 50, msg: expect.stringContaining('already fully authenticated') })
    } finally {
      socket.close()
    }
  })

  it('keeps board links valid across a restart (the secret is kept with the data)', async () => {
    server = new ServerProcess()
    await server.start()
    const board = await createBoard(server.url, 'Restart')
    await server.stop('SIGKILL')
    await server.start()
    const response = await fetch(new URL(`/api/boards/${board.id}`, server.url), {
      headers: { authorization: `Bearer ${linkToken(board.links.editor)}` },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ id: board.id, title: 'Restart', role: 'editor' })
  })
})
