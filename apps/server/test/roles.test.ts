import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  BOARD_REFUSAL,
  boardDocumentName,
  parseStateless,
  statelessServerMessageSchema,
  reviewDocumentName,
  ROLES,
  type BoardLinks,
  type Role,
} from '@concord/shared'
import { apiRequest, createBoard, linkToken } from '@concord/test-kit/api'
import { acknowledged, openDocument, openReview, synced, type TestClient } from '@concord/test-kit/collab-client'
import { authenticatedScope, authFrame, syncStatuses, syncStep2Frame, updateFrame } from '@concord/test-kit/frames'
import { openRawSocket } from '@concord/test-kit/raw-socket'
import { waitFor } from '@concord/test-kit/wait'
import { LinkSigner } from '../src/access/link-signer.ts'
import { testResources } from './helpers/resources.ts'

const SECRET = 'a test secret that is long enough'
const { start, open, track } = testResources()

type Tokens = Record<Role, string>

async function boardWithTokens() {
  const server = await start({ secret: SECRET })
  const board = await createBoard(server.url)
  const tokens = Object.fromEntries(ROLES.map((role) => [role, linkToken(board.links[role])])) as Tokens
  return { ...server, board, tokens }
}

const documents = {
  board: { name: boardDocumentName, open: (url: string, id: string, token: string) => open(url, id, token) },
  review: { name: reviewDocumentName, open: (url: string, id: string, token: string) => track(openReview(url, id, token)) },
}


async function linksOf(url: string, boardId: string, ownerToken: string): Promise<BoardLinks> {
  const response = await apiRequest(url, `/api/boards/${boardId}/links`, ownerToken)
  expect(response.status).toBe(200)
  return ((await response.json()) as { links: BoardLinks }).links
}

/** A Yjs update that sets `test.<key>` on a fresh document, as a forged frame would carry. */
function updateSetting(key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('test').set(key, 'forged')
  return Y.encodeStateAsUpdate(doc)
}

describe('links of the four roles', () => {
  it('POST /api/boards returns a link per role, and each opens the board with its role', async () => {
    const { url, board, tokens } = await boardWithTokens()
    expect(Object.keys(board.links).sort()).toEqual([...ROLES].sort())
    for (const role of ROLES) {
      expect(board.links[role]).toMatch(new RegExp(`^/b/${board.id}#k=${role}\\.0\\.`))
      const info = (await (await apiRequest(url, `/api/boards/${board.id}`, tokens[role])).json()) as { role: string }
      expect({ role, answered: info.role }).toEqual({ role, answered: role })
    }
    expect(await linksOf(url, board.id, tokens.owner)).toEqual(board.links)
  })

  it('only the owner link may list or rotate links', async () => {
    const { url, board, tokens } = await boardWithTokens()
    for (const role of ['editor', 'reviewer', 'viewer'] as const) {
      const list = await apiRequest(url, `/api/boards/${board.id}/links`, tokens[role])
      const rotate = await apiRequest(url, `/api/boards/${board.id}/links/viewer/rotate`, tokens[role], { method: 'POST' })
      expect({ role, list: list.status, rotate: rotate.status }).toEqual({ role, list: 403, rotate: 403 })
    }
    const bad = await apiRequest(url, `/api/boards/${board.id}/links`, `${tokens.owner}x`)
    expect(bad.status).toBe(404)
    const unknownRole = await apiRequest(url, `/api/boards/${board.id}/links/admin/rotate`, tokens.owner, { method: 'POST' })
    expect(unknownRole.status).toBe(400)
    expect(await linksOf(url, board.id, tokens.owner)).toEqual(board.links)
  })
})

describe('rights of each role on the design and the review document', () => {
  const writers = { board: ['owner', 'editor'], review: ['owner', 'editor', 'reviewer'] }

  for (const kind of ['board', 'review'] as const) {
    it(`${kind}: ${writers[kind].join(', ')} write; the others are read-only and their edits go nowhere`, async () => {
      const { url, board, tokens, server } = await boardWithTokens()
      const observer = documents[kind].open(url, board.id, tokens.owner)
      const clients = Object.fromEntries(ROLES.map((role) => [role, documents[kind].open(url, board.id, tokens[role])])) as Record<Role, TestClient>
      await Promise.all([observer, ...Object.values(clients)].map(synced))

      const refusedBefore = ROLES.map((role) => clients[role].refusedUpdates)
      for (const role of ROLES) clients[role].doc.getMap('test').set(`from-${role}`, role)
      const scopes = ROLES.map((role) => [role, clients[role].provider.authorizedScope])
      expect(scopes).toEqual(ROLES.map((role) => [role, writers[kind].includes(role) ? 'read-write' : 'readonly']))
      for (const role of ROLES) {
        const client = clients[role]
        await (writers[kind].includes(role)
          ? waitFor(() => observer.doc.getMap('test').get(`from-${role}`) === role && client.provider.unsyncedChanges === 0, {
              what: `${role}'s edit at the observer`,
            })
          : waitFor(() => client.refusedUpdates > (refusedBefore[ROLES.indexOf(role)] ?? 0), { what: `the server to refuse the ${role}'s update` }))
      }
      const live = server.hocuspocus.documents.get(documents[kind].name(board.id))
      const written = (doc: Y.Doc | undefined) => [...(doc?.getMap('test').keys() ?? [])].sort()
      const expected = writers[kind].map((role) => `from-${role}`).sort()
      expect(written(live)).toEqual(expected)
      expect(written(observer.doc)).toEqual(expected)
    })
  }

  it('forged updates from read-only connections are never applied, stored or relayed', async () => {
    const { url, board, tokens, server } = await boardWithTokens()
    const cases = [
      { role: 'reviewer', kind: 'board' },
      { role: 'viewer', kind: 'board' },
      { role: 'viewer', kind: 'review' },
    ] as const
    for (const { role, kind } of cases) {
      const name = documents[kind].name(board.id)
      const peer = documents[kind].open(url, board.id, tokens.editor)
      await synced(peer)
      const raw = await openRawSocket(url)
      raw.socket.send(authFrame(name, tokens[role]))
      await waitFor(() => authenticatedScope(raw, name), { what: `the ${role} to be authenticated` })
      expect(authenticatedScope(raw, name)).toBe('readonly')

      raw.socket.send(updateFrame(name, updateSetting(`update-from-${role}`)))
      raw.socket.send(syncStep2Frame(name, updateSetting(`step2-from-${role}`)))
      await waitFor(() => syncStatuses(raw, name).length === 2, { what: 'the answers to both forged frames' })
      expect(syncStatuses(raw, name)).toEqual([false, false])

      // A later edit reaches the peer and is stored: the forged ones, sent before, never did.
      const marker = `marker-after-${role}-${kind}`
      const writer = documents[kind].open(url, board.id, tokens.owner)
      await synced(writer)
      writer.doc.getMap('test').set(marker, true)
      await waitFor(() => peer.doc.getMap('test').get(marker), { what: 'the later edit at the peer' })
      // Acknowledged means stored: what storage holds now includes the marker.
      await acknowledged(writer)
      const stored = new Y.Doc()
      const persisted = await server.storage.loadDocument(name)
      for (const update of persisted ? [persisted.snapshot, ...persisted.log] : []) Y.applyUpdate(stored, update)

      const keys = (doc: Y.Doc | undefined) => [...(doc?.getMap('test').keys() ?? [])].filter((key) => key.endsWith(`from-${role}`))
      const seen = {
        live: keys(server.hocuspocus.documents.get(name)),
        relayed: keys(peer.doc),
        stored: keys(stored),
        storedMarker: stored.getMap('test').get(marker),
      }
      expect({ role, kind, ...seen }).toEqual({ role, kind, live: [], relayed: [], stored: [], storedMarker: true })
      raw.socket.close()
    }
  })
})

describe('presence by role', () => {
  it('viewers are counted but never shown; reviewers are shown', async () => {
    const { url, board, tokens, server } = await boardWithTokens()
    const editor = open(url, board.id, tokens.editor)
    const audience: number[] = []
    editor.provider.on('stateless', ({ payload }: { payload: string }) => {
      const message = parseStateless(statelessServerMessageSchema, payload)
      if (message?.type === 'audience') audience.push(message.viewers)
    })
    await synced(editor)
    const reviewer = open(url, board.id, tokens.reviewer)
    const viewer = open(url, board.id, tokens.viewer)
    await Promise.all([synced(reviewer), synced(viewer)])
    await waitFor(() => audience.at(-1) === 1, { what: 'the editor to be told of one viewer' })

    viewer.provider.setAwarenessField('user', { name: 'Viewer' })
    reviewer.provider.setAwarenessField('user', { name: 'Reviewer' })
    // Frames of one connection are handled in order: once the viewer's later update is refused,
    // its awareness frame before it has been handled too.
    const refusedBefore = viewer.refusedUpdates
    viewer.doc.getMap('test').set('after-awareness', true)
    await waitFor(() => viewer.refusedUpdates > refusedBefore, { what: "the viewer's frames to be handled" })
    await waitFor(() => editor.provider.awareness?.getStates().get(reviewer.doc.clientID)?.user, { what: "the reviewer's presence at the editor" })

    const live = server.hocuspocus.documents.get(boardDocumentName(board.id))
    expect(live?.awareness.getStates().has(viewer.doc.clientID)).toBe(false)
    expect(editor.provider.awareness?.getStates().has(viewer.doc.clientID)).toBe(false)

    viewer.destroy()
    await waitFor(() => audience.at(-1) === 0, { what: 'the editor to be told the viewer left' })
  })
})

describe('link rotation', () => {
  it('cuts open connections of the rotated link at once, on both documents; the others stay', async () => {
    const { url, board, tokens, server } = await boardWithTokens()
    const editorBoard = open(url, board.id, tokens.editor)
    const editorReview = track(openReview(url, board.id, tokens.editor))
    const ownerBoard = open(url, board.id, tokens.owner)
    await Promise.all([editorBoard, editorReview, ownerBoard].map(synced))

    const response = await apiRequest(url, `/api/boards/${board.id}/links/editor/rotate`, tokens.owner, { method: 'POST' })
    expect(response.status).toBe(200)
    const { links } = (await response.json()) as { links: BoardLinks }
    expect(links.editor).toMatch(/#k=editor\.1\./)
    expect({ ...links, editor: '' }).toEqual({ ...board.links, editor: '' })

    const roles = (name: string) =>
      server.hocuspocus.documents.get(name)?.getConnections().map((connection) => (connection.context as { role: string }).role) ?? []
    // Closed by the server at once (the rotation answer comes after), then refused on reconnect.
    expect(roles(boardDocumentName(board.id))).toEqual(['owner'])
    expect(roles(reviewDocumentName(board.id))).toEqual([])
    await waitFor(() => editorBoard.refusal && editorReview.refusal, { what: 'the old editor link to be refused on reconnect' })
    expect([editorBoard.refusal, editorReview.refusal]).toEqual([BOARD_REFUSAL, BOARD_REFUSAL])
    expect((await apiRequest(url, `/api/boards/${board.id}`, tokens.editor)).status).toBe(404)

    ownerBoard.doc.getMap('test').set('still', 'connected')
    await acknowledged(ownerBoard)
    const renewed = open(url, board.id, linkToken(links.editor))
    await synced(renewed)
    await waitFor(() => renewed.doc.getMap('test').get('still') === 'connected', { what: 'the new editor link to work' })
  })
})

describe('refused tokens', () => {
  it('tampered, rotated, cross-board and malformed tokens get one refusal on both documents, logged without the token', async () => {
    const { url, board, tokens, logs } = await boardWithTokens()
    const other = await createBoard(url, 'Other board')
    const [role, generation, mac] = tokens.reviewer.split('.') as [string, string, string]
    const rotated = tokens.viewer
    expect((await apiRequest(url, `/api/boards/${board.id}/links/viewer/rotate`, tokens.owner, { method: 'POST' })).status).toBe(200)
    const bad = {
      tampered: `${role}.${generation}.${(mac[0] === 'A' ? 'B' : 'A') + mac.slice(1)}`,
      'role swapped': `editor.${generation}.${mac}`,
      'future generation': new LinkSigner(Buffer.from(SECRET)).issue(board.id, 'reviewer', 7),
      rotated,
      'cross-board': linkToken(other.links.owner),
      malformed: 'reviewer..',
      empty: '',
    }
    for (const kind of ['board', 'review'] as const) {
      for (const [label, token] of Object.entries(bad)) {
        const client = track(openDocument(url, documents[kind].name(board.id), token))
        const refusal = await waitFor(() => client.refusal ?? (client.provider.isSynced ? 'synced!' : null), { what: `an answer to ${label}` })
        expect({ kind, label, refusal }).toEqual({ kind, label, refusal: BOARD_REFUSAL })
      }
    }
    const refusals = logs.filter((line) => line.msg === 'collab connection refused')
    expect(refusals.length).toBe(2 * Object.keys(bad).length)
    const secrets = [mac, tokens.viewer.split('.')[2], linkToken(other.links.owner).split('.')[2]]
    for (const secret of secrets) expect(JSON.stringify(logs)).not.toContain(secret)
  })
})
