import { afterEach, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { ServerProcess } from '../support/server-process.ts'

/** A Hocuspocus Auth frame: by default the token a provider sends first for a document. */
function authFrame(documentName: string, token: string, authType = 0 /* AuthMessageType.Token */): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, 2) // MessageType.Auth
  encoding.writeVarUint(encoder, authType)
  encoding.writeVarString(encoder, token)
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>
}

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
    const socket = new WebSocket(new URL('/collab', server.url).href.replace(/^http/, 'ws'))
    socket.binaryType = 'arraybuffer'
    const answers: Uint8Array[] = []
    socket.addEventListener('message', (event) => answers.push(new Uint8Array(event.data as ArrayBuffer)))
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }))
    try {
      const since = server.mark()
      socket.send(authFrame(name, linkToken(board.links.editor)))
      await waitFor(() => answers.length > 0, { timeoutMs: 10_000, what: 'the authentication answer' })
      // An auth message other than a token on an authenticated document: Hocuspocus complains with console.error.
      socket.send(authFrame(name, linkToken(board.links.editor), 1))
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
