import { afterAll, describe, expect, it } from 'vitest'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { fillerFrame } from '@concord/test-kit/frames'
import { openRawSocket, type RawSocket } from '@concord/test-kit/raw-socket'
import { waitFor } from '@concord/test-kit/wait'
import { residentBytes } from '../support/resident-memory.ts'
import { ServerProcess } from '../support/server-process.ts'

const SOCKETS = 60
/** What each socket tries to park before authenticating: the stock per-socket limit. */
const PER_SOCKET_BYTES = 5 * 1024 * 1024
const FRAME_BYTES = 256 * 1024
/** The stated bound on what 60 such sockets may add to the server's resident memory. */
const RSS_BOUND_BYTES = 64 * 1024 * 1024

const MIB = 1024 * 1024

describe('pre-authentication budget', () => {
  const server = new ServerProcess()
  afterAll(() => server.dispose())

  it(`${SOCKETS} sockets each sending 5 MiB without a token add less than ${RSS_BOUND_BYTES / MIB} MB and are closed`, { timeout: 60_000 }, async () => {
    await server.start()
    const pid = server.pid!
    // Warm the process up (first requests, JIT) before the baseline.
    await fetch(new URL('/healthz', server.url))
    const before = await residentBytes(pid)
    const sockets: RawSocket[] = await Promise.all(Array.from({ length: SOCKETS }, () => openRawSocket(server.url)))
    const frame = fillerFrame('board:preauthpreauthpreauth', FRAME_BYTES)
    for (const { socket } of sockets) {
      for (let sent = 0; sent < PER_SOCKET_BYTES; sent += FRAME_BYTES) {
        if (socket.readyState === WebSocket.OPEN) socket.send(frame)
      }
    }
    // Until every socket is closed by the server (or the deadline), follow the server's memory.
    let peak = before
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline && sockets.some((s) => !s.isClosed())) {
      peak = Math.max(peak, await residentBytes(pid))
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    peak = Math.max(peak, await residentBytes(pid))
    const open = sockets.filter((s) => !s.isClosed()).length
    for (const { socket } of sockets) socket.close()
    console.info(`pre-auth: ${SOCKETS} sockets x ${PER_SOCKET_BYTES / MIB} MiB: RSS ${(before / MIB).toFixed(0)} -> peak ${(peak / MIB).toFixed(0)} MiB (+${((peak - before) / MIB).toFixed(1)}), ${open} left open`)
    expect(open).toBe(0)
    expect(peak - before).toBeLessThan(RSS_BOUND_BYTES)
  })

  it('a client that has authenticated may send far more than the pre-auth budget', { timeout: 30_000 }, async () => {
    const board = await createBoard(server.url, 'Large edits')
    const writer = await connectBoard(server.url, board.id, linkToken(board.links.editor))
    // Strings within the per-string limit (CONCORD_MAX_STRING_LENGTH), 1 MB in all.
    const values = writer.document.getMap('large')
    for (let i = 0; i < 12; i++) values.set(`value-${i}`, 'x'.repeat(90_000))
    await waitFor(() => writer.unsyncedChanges === 0, { timeoutMs: 15_000, what: 'the server to acknowledge 1 MB of edits' })
    expect(writer.isSynced).toBe(true)
    writer.destroy()
  })
})
