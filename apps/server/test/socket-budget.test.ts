import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { authFrame } from '@concord/test-kit/frames'
import { waitFor } from '@concord/test-kit/wait'
import { testResources } from './helpers/resources.ts'

const { start } = testResources()

interface Socket {
  socket: WebSocket
  closed: () => boolean
  answers: Uint8Array[]
}

/** A websocket to /collab; rejects when the upgrade is refused. */
function connect(url: string, headers: Record<string, string> = {}): Promise<Socket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/collab`, { headers } as never)
  socket.binaryType = 'arraybuffer'
  let closed = false
  const answers: Uint8Array[] = []
  socket.addEventListener('close', () => (closed = true))
  socket.addEventListener('message', (event) => answers.push(new Uint8Array(event.data as ArrayBuffer)))
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve({ socket, closed: () => closed, answers }))
    socket.addEventListener('error', () => reject(new Error('upgrade refused')))
  })
}

/** A frame Hocuspocus queues until `documentName` is authenticated. */
function filler(documentName: string, bytes: number): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentName)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, new Uint8Array(bytes))
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>
}

/** `concord_preauth_bytes` from /metrics. */
async function preAuthBytes(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text()
  return Number(/^concord_preauth_bytes (\d+)/m.exec(text)?.[1] ?? 0)
}

describe('socket budget', () => {
  it('refuses upgrades beyond the open sockets of one address, and admits again once one closes', async () => {
    const server = await start({ connectionsPerAddress: 3 })
    const sockets = await Promise.all([1, 2, 3].map(() => connect(server.url)))
    await expect(connect(server.url)).rejects.toThrow('upgrade refused')
    sockets[0]!.socket.close()
    await waitFor(() => sockets[0]!.closed(), { what: 'the first socket to close' })
    await waitFor(async () => (await connect(server.url).then((s) => (s.socket.close(), true), () => false)) || undefined, {
      what: 'a new socket to be admitted',
    })
    for (const { socket } of sockets) socket.close()
  })

  it('drops the socket that would take the unauthenticated sockets past their total, and no other', async () => {
    const server = await start({ preAuthQueueBytes: 64 * 1024, preAuthTotalBytes: 100 * 1024 })
    const first = await connect(server.url)
    const second = await connect(server.url)
    first.socket.send(filler('board:first', 60 * 1024))
    await waitFor(async () => (await preAuthBytes(server.url)) >= 60 * 1024 || undefined, { what: 'the server to hold the first frame' })
    second.socket.send(filler('board:second', 60 * 1024))
    await waitFor(() => second.closed() || undefined, { what: 'the second socket to be dropped' })
    expect(first.closed()).toBe(false)
    first.socket.close()
  })

  it('an authenticated socket no longer counts against the pre-auth budget', async () => {
    const server = await start({ preAuthQueueBytes: 1024, preAuthTotalBytes: 2048 })
    const board = await createBoard(server.url)
    const client = await connect(server.url)
    client.socket.send(authFrame(`board:${board.id}`, linkToken(board.links.editor)) as Uint8Array<ArrayBuffer>)
    await waitFor(() => client.answers.length > 0 || undefined, { what: 'the authentication answer' })
    const before = client.answers.length
    // Ten times the budget after authenticating: each (a sync step 1) is answered, none drops the socket.
    for (let i = 0; i < 10; i++) client.socket.send(filler(`board:${board.id}`, 1000))
    await waitFor(() => client.closed() || client.answers.length >= before + 10 || undefined, { what: 'ten answers' })
    expect(client.closed()).toBe(false)
    client.socket.close()
  })

  it('refuses upgrades from pages of other origins, accepts its own origin and ALLOWED_ORIGINS', async () => {
    const server = await start({ allowedOrigins: ['https://concord.example.org'] })
    const own = new URL(server.url).origin
    await expect(connect(server.url, { origin: 'https://evil.example.com' })).rejects.toThrow('upgrade refused')
    for (const origin of [own, 'https://concord.example.org']) (await connect(server.url, { origin })).socket.close()
  })
})
