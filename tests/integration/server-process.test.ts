import { afterEach, describe, expect, it } from 'vitest'
import { ServerProcess } from '../support/server-process.ts'
import { connectBoard, createBoard, eventually, linkToken } from '../support/api-client.ts'

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
    await eventually(() => writer.unsyncedChanges === 0, 10_000, 'edit acknowledged')
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
