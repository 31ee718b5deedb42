import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { boardDocumentName, getRecordsMap, LAB_CHANNEL, reviewDocumentName } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { RawCollabSocket } from '@concord/test-kit/raw-collab'
import { waitFor } from '@concord/test-kit/wait'
import { ServerProcess } from '../support/server-process.ts'
import { deepUpdate } from '@concord/test-kit/update-mutants'

/** Updates that decode (what a decode-only guard checked) but throw when applied; found by tests/fuzz/find-poison-updates.ts. */
const POISON: Array<{ kind: string; update: string }> = JSON.parse(readFileSync(new URL('../fixtures/poison-updates.json', import.meta.url), 'utf8'))

let server: ServerProcess | null = null
const clients: Array<{ destroy(): void }> = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.dispose()
  server = null
})

async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  server = new ServerProcess({ env })
  await server.start()
  return server
}

async function connect(url: string, boardId: string, token: string): Promise<HocuspocusProvider> {
  const provider = await connectBoard(url, boardId, token)
  clients.push(provider)
  return provider
}

async function acknowledged(provider: HocuspocusProvider, what: string): Promise<void> {
  await waitFor(() => provider.unsyncedChanges === 0, { timeoutMs: 10_000, what: what })
}

/** Another board, with a writer and a reader: it must keep working whatever happens to the first. */
async function bystanders(url: string) {
  const board = await createBoard(url, 'Bystander')
  const writer = await connect(url, board.id, linkToken(board.links.editor))
  const reader = await connect(url, board.id, linkToken(board.links.viewer))
  let edits = 0
  return {
    async stillSync(): Promise<void> {
      const value = ++edits
      writer.document.getMap('probe').set('edit', value)
      await waitFor(() => reader.document.getMap('probe').get('edit') === value, { timeoutMs: 10_000, what: 'an edit on another board to arrive' })
    },
  }
}

async function healthy(url: string): Promise<boolean> {
  const response = await fetch(new URL('/healthz', url)).catch(() => null)
  return response?.status === 200
}

describe('hostile input from one link holder', () => {
  it('a record nested 6,000 maps deep is refused, and a lab subscription afterwards leaves the process serving', async () => {
    const { url } = await startServer()
    const board = await createBoard(url, 'Deep')
    const others = await bystanders(url)
    const attacker = await RawCollabSocket.open(url, boardDocumentName(board.id), linkToken(board.links.editor))
    attacker.sendUpdate(deepUpdate(6000))
    await waitFor(() => !attacker.isOpen || attacker.acknowledgements().length > 0, { timeoutMs: 10_000, what: 'an answer to the deep update' })

    // Any role may subscribe to the lab, whose digest reads every record.
    const viewer = await RawCollabSocket.open(url, boardDocumentName(board.id), linkToken(board.links.viewer))
    viewer.sendStateless(JSON.stringify({ channel: LAB_CHANNEL, type: 'subscribe' }))
    await waitFor(() => viewer.received.length > 3 || !viewer.isOpen, { timeoutMs: 10_000, what: 'the lab snapshot' })
    expect(await healthy(url)).toBe(true)
    expect(attacker.acknowledgements()).toEqual([])
    expect(await attacker.closed).toMatchObject({ code: 4413, reason: expect.stringContaining('nest deeper than 32') })
    await others.stillSync()
    viewer.close()
  })

  it('updates that decode but cannot be applied are refused on /collab, /yws and the review; nothing of them is stored and no acknowledged edit is lost across kill -9', async () => {
    const srv = await startServer()
    const board = await createBoard(srv.url, 'Poison')
    const others = await bystanders(srv.url)
    const honest = await connect(srv.url, board.id, linkToken(board.links.editor))
    const name = boardDocumentName(board.id)
    const editor = linkToken(board.links.editor)
    expect(POISON.length).toBeGreaterThanOrEqual(8)
    for (const [index, { kind, update }] of POISON.entries()) {
      const attacker = await RawCollabSocket.open(srv.url, name, editor)
      attacker.sendUpdate(Buffer.from(update, 'base64'))
      await waitFor(() => !attacker.isOpen || attacker.acknowledgements().length > 0, { timeoutMs: 10_000, what: `an answer to poison ${index}` })
      expect({ index, kind, acknowledgements: attacker.acknowledgements() }).toEqual({ index, kind, acknowledgements: [] })
      expect({ index, kind, closed: await attacker.closed }).toMatchObject({ index, kind, closed: { code: 1007 } })
      honest.document.getMap('probe').set(`after-${index}`, index)
      await acknowledged(honest, `the honest edit after poison ${index}`)
    }
    const poison = Buffer.from(POISON[0]!.update, 'base64')
    const review = await RawCollabSocket.open(srv.url, reviewDocumentName(board.id), editor)
    review.sendUpdate(poison)
    expect((await review.closed).code).toBe(1007)
    const yws = new WebSocket(`${srv.url.replace(/^http/, 'ws')}/yws/${board.id}?k=${encodeURIComponent(editor)}`)
    const ywsClosed = new Promise<number>((resolve) => yws.addEventListener('close', (event) => resolve(event.code)))
    await new Promise((resolve) => yws.addEventListener('open', resolve, { once: true }))
    yws.send(new Uint8Array([0, 2, ...varUint(poison.length), ...poison]))
    expect(await ywsClosed).toBe(1007)
    await others.stillSync()

    await srv.stop('SIGKILL')
    await srv.start()
    const reader = await connect(srv.url, board.id, linkToken(board.links.owner))
    for (const index of POISON.keys()) expect(reader.document.getMap('probe').get(`after-${index}`)).toBe(index)
    // Every poison update is built of records named shape:m<n>: none of them may have been kept.
    expect([...getRecordsMap(reader.document).keys()].filter((id) => id.startsWith('shape:m'))).toEqual([])
  })

  it('refuses writes past the per-board size cap with a reason, and keeps what it acknowledged', async () => {
    const srv = await startServer({ CONCORD_MAX_DOCUMENT_BYTES: String(1024 * 1024) })
    const board = await createBoard(srv.url, 'Full')
    const name = boardDocumentName(board.id)
    const author = new Y.Doc()
    let accepted = 0
    let refusal: { code: number; reason: string } | null = null
    for (let round = 0; round < 6 && !refusal; round++) {
      const attacker = await RawCollabSocket.open(srv.url, name, linkToken(board.links.editor))
      const before = Y.encodeStateVector(author)
      author.getMap(`bulk-${round}`).set('a', 'x'.repeat(90_000))
      author.getMap(`bulk-${round}`).set('b', 'y'.repeat(90_000))
      author.getMap(`bulk-${round}`).set('c', 'z'.repeat(90_000))
      attacker.sendUpdate(Y.encodeStateAsUpdate(author, before))
      const outcome = await Promise.race([
        attacker.closed,
        waitFor(() => attacker.acknowledgements().length > 0, { timeoutMs: 10_000, what: 'an answer to a bulk update' }).then(() => null),
      ])
      if (outcome) refusal = outcome
      else accepted++
      attacker.close()
    }
    expect(accepted).toBe(3)
    expect(refusal).toMatchObject({ code: 4413, reason: 'update refused: board is full: documents are limited to 1 MiB' })

    await srv.stop('SIGKILL')
    await srv.start()
    const reader = await connect(srv.url, board.id, linkToken(board.links.owner))
    for (let round = 0; round < accepted; round++) expect(reader.document.getMap(`bulk-${round}`).get('c')).toHaveLength(90_000)
    expect(Y.encodeStateAsUpdate(reader.document).byteLength).toBeLessThan(1024 * 1024)
  })

  it('awareness: a flood is coalesced, fake and borrowed client ids and oversized states are dropped, and nobody can show up as another user', async () => {
    const { url } = await startServer()
    const board = await createBoard(url, 'Cursors')
    const others = await bystanders(url)
    const name = boardDocumentName(board.id)
    const observer = await connect(url, board.id, linkToken(board.links.editor))
    const victim = await connect(url, board.id, linkToken(board.links.editor))
    victim.setAwarenessField('presence', { userId: 'user:victim', userName: 'Victim' })
    const victimId = victim.document.clientID
    await waitFor(() => observer.awareness!.getStates().has(victimId), { timeoutMs: 10_000, what: "the victim's cursor" })

    const attacker = await RawCollabSocket.open(url, name, linkToken(board.links.editor))
    const attackerId = 4_000_000_001
    let changes = 0
    observer.awareness!.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(attackerId)) changes++
    })
    const started = Date.now()
    attacker.sendAwareness([[attackerId, { presence: { userId: 'user:attacker', userName: 'Attacker', n: 0 } }]], 1)
    for (let n = 1; n <= 250; n++) {
      attacker.sendAwareness(
        [
          [attackerId, { presence: { userId: 'user:attacker', userName: 'Attacker', n }, role: 'owner' }],
          [100_000 + n, { presence: { userId: `user:fake-${n}`, userName: 'Fake' } }],
          [victimId, { presence: { userId: 'user:victim', userName: 'Attacker in disguise' } }],
        ],
        n + 1,
      )
    }
    attacker.sendAwareness([[attackerId, { presence: { userId: 'user:attacker', blob: 'x'.repeat(20_000) } }]], 300)
    attacker.sendAwareness([[attackerId, { presence: { userId: 'user:victim', userName: 'Victim' } }]], 301)
    attacker.sendAwareness([[attackerId, { presence: { userId: 'user:attacker', userName: 'Attacker', n: 'last' } }]], 302)

    const attackerState = () => observer.awareness!.getStates().get(attackerId) as { presence?: { n?: unknown; userId?: string }; role?: string } | undefined
    await waitFor(() => attackerState()?.presence?.n === 'last', { timeoutMs: 10_000, what: "the attacker's latest state (coalesced)" })
    const seconds = (Date.now() - started) / 1000
    // About 30 a second get through, the rest is coalesced into the latest.
    expect(changes).toBeLessThanOrEqual(Math.ceil(seconds + 1) * 30 + 2)
    expect(attackerState()?.role).toBe('editor')
    const states = observer.awareness!.getStates()
    expect([...states.keys()].sort()).toEqual([attackerId, observer.document.clientID, victimId].sort())
    expect(states.get(victimId)).toMatchObject({ presence: { userName: 'Victim' } })
    expect(attacker.isOpen).toBe(true)
    await others.stillSync()

    // Past the hard limit the socket is closed.
    for (let n = 0; n < 400; n++) attacker.sendAwareness([[attackerId, { presence: { userId: 'user:attacker', n } }]], 400 + n)
    expect((await attacker.closed).code).toBe(1008)
  })

  it('log lines stay bounded: unknown message types close the socket after a few, and client strings are cut', async () => {
    const srv = await startServer()
    const board = await createBoard(srv.url, 'Logs')
    const since = srv.mark()
    const attacker = await RawCollabSocket.open(srv.url, boardDocumentName(board.id), linkToken(board.links.editor))
    for (let n = 0; n < 2000; n++) attacker.send(42, (encoder) => encoding.writeUint8Array(encoder, new Uint8Array(20)))
    expect((await attacker.closed).code).toBe(1008)

    // Frames for a 1 MB document name, before any authentication, until the pre-auth budget drops the socket.
    const longName = `board:${'n'.repeat(1024 * 1024)}`
    const anonymous = await RawCollabSocket.connect(srv.url, longName)
    for (let n = 0; n < 6; n++) anonymous.send(0, (encoder) => encoding.writeUint8Array(encoder, new Uint8Array([0, 0])))
    await anonymous.closed
    await waitFor(() => srv.logsSince(since).some((line) => line.msg === 'collab socket closed'), { timeoutMs: 10_000, what: 'the line that says the socket was dropped' })
    const lines = srv.logsSince(since)
    expect(lines.length).toBeLessThan(30)
    expect(Math.max(...lines.map((line) => JSON.stringify(line).length))).toBeLessThan(4000)
  })
})

function varUint(value: number): number[] {
  const bytes: number[] = []
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80)
    value >>>= 7
  }
  bytes.push(value)
  return bytes
}
