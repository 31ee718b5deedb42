import { describe, expect, it } from 'vitest'
import { boardDocumentName, MAX_FRAME_BYTES } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { acknowledged, synced } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { LinkSigner } from '../src/access/link-signer.ts'
import { testResources } from './helpers/resources.ts'
import { openYws, ywsSynced, type YwsClient } from './helpers/y-websocket.ts'

const SECRET = 'a test secret that is long enough'

const { start, open, track } = testResources()

function yws(...args: Parameters<typeof openYws>): YwsClient {
  return track(openYws(...args))
}

describe('the y-websocket endpoint /yws', () => {
  it('a y-websocket client and a Hocuspocus client edit one board and converge both ways, awareness included', async () => {
    const server = await start()
    const board = await createBoard(server.url)
    const token = linkToken(board.links.editor)
    const hp = open(server.url, board.id, token)
    const ws = yws(server.url, board.id, token)
    await Promise.all([synced(hp), ywsSynced(ws)])

    ws.doc.getMap('test').set('from-yws', 1)
    hp.doc.getMap('test').set('from-collab', 2)
    await waitFor(() => hp.doc.getMap('test').get('from-yws') === 1, { what: 'the y-websocket edit at the Hocuspocus client' })
    await waitFor(() => ws.doc.getMap('test').get('from-collab') === 2, { what: 'the Hocuspocus edit at the y-websocket client' })

    ws.provider.awareness.setLocalStateField('user', { name: 'Yann', color: '#123456' })
    hp.provider.setAwarenessField('user', { name: 'Holly', color: '#654321' })
    await waitFor(() => (hp.provider.awareness?.getStates().get(ws.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Yann', {
      what: "the y-websocket client's awareness at the Hocuspocus client",
    })
    await waitFor(() => (ws.provider.awareness.getStates().get(hp.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Holly', {
      what: "the Hocuspocus client's awareness at the y-websocket client",
    })
    expect(ws.doc.getMap('test').toJSON()).toEqual(hp.doc.getMap('test').toJSON())
  })

  it('logs and stores what a y-websocket client writes, like any edit, and serves it after a restart', async () => {
    const server = await start()
    const board = await createBoard(server.url)
    const ws = yws(server.url, board.id, linkToken(board.links.editor))
    await ywsSynced(ws)
    ws.doc.getMap('test').set('durable', 'yes')
    await waitFor(() => server.server.commits.committed > 0 && server.server.commits.committed >= server.server.commits.enqueued, {
      what: 'the edit to be committed',
    })
    ws.destroy()
    await server.close()
    const restarted = await start({ dataDir: server.dataDir })
    // The document is not loaded yet: the client's first frames wait for the load.
    expect(restarted.server.hocuspocus.documents.size).toBe(0)
    const reader = yws(restarted.url, board.id, linkToken(board.links.editor))
    await ywsSynced(reader)
    expect(reader.doc.getMap('test').get('durable')).toBe('yes')
  })

  it('a frame above the size limit closes that /yws socket with 1009', async () => {
    const server = await start()
    const board = await createBoard(server.url)
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yws/${board.id}?k=${linkToken(board.links.editor)}`)
    const closed = new Promise<number>((resolve) => socket.addEventListener('close', (event) => resolve(event.code)))
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }))
    socket.send(new Uint8Array(MAX_FRAME_BYTES + 1))
    expect(await closed).toBe(1009)
  })

  it('refuses a bad token or unknown board at the upgrade, and never logs the token', async () => {
    const server = await start({ secret: SECRET })
    const board = await createBoard(server.url)
    const wrong = `editor.0.${'A'.repeat(22)}`
    for (const path of [`/yws/${board.id}?k=${wrong}`, `/yws/nosuchboard1?k=${linkToken(board.links.editor)}`, `/yws/${board.id}`]) {
      const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}${path}`)
      const outcome = await new Promise<string>((resolve) => {
        socket.addEventListener('open', () => resolve('open'))
        socket.addEventListener('error', () => resolve('refused'))
      })
      expect({ path, outcome }).toEqual({ path, outcome: 'refused' })
    }
    await server.waitForLog((line) => line.msg === 'y-websocket connection refused', 'the refusal log line')
    // An HTTP request with the token in the query is logged without it.
    await fetch(`${server.url}/api/boards/${board.id}?k=${linkToken(board.links.owner)}`)
    await server.waitForLog((line) => (line.req as { url?: string } | undefined)?.url?.includes('k=[Redacted]') === true, 'the redacted request line')
    const text = JSON.stringify(server.logs)
    expect(text).not.toContain(wrong)
    expect(text).not.toContain(linkToken(board.links.owner))
    expect(text).not.toContain(linkToken(board.links.editor))
  })

  it.each(['reviewer', 'viewer'] as const)('a %s over /yws receives edits, its own never reach the board, and only a reviewer is shown', async (role) => {
    const server = await start({ secret: SECRET })
    const board = await createBoard(server.url)
    const reviewerToken = new LinkSigner(Buffer.from(SECRET)).issue(board.id, role, 0)
    const editor = open(server.url, board.id, linkToken(board.links.editor))
    const reviewer = yws(server.url, board.id, reviewerToken)
    await Promise.all([synced(editor), ywsSynced(reviewer)])
    reviewer.provider.awareness.setLocalStateField('user', { name: `A ${role}`, color: '#123456' })
    if (role === 'reviewer') {
      await waitFor(() => editor.provider.awareness!.getStates().has(reviewer.doc.clientID), { what: 'the reviewer’s presence at the editor' })
    }

    reviewer.doc.getMap('test').set('from-reviewer', 'nope')
    editor.doc.getMap('test').set('from-editor', 'yes')
    await acknowledged(editor)
    await waitFor(() => reviewer.doc.getMap('test').get('from-editor') === 'yes', { what: "the editor's edit at the reviewer" })
    // A reconnect re-sends the reviewer's update in the handshake: still refused.
    reviewer.provider.disconnect()
    reviewer.provider.connect()
    await ywsSynced(reviewer)
    editor.doc.getMap('test').set('after-reconnect', 'yes')
    await waitFor(() => reviewer.doc.getMap('test').get('after-reconnect') === 'yes', { what: 'a later edit at the reviewer' })
    const document = server.server.hocuspocus.documents.get(boardDocumentName(board.id))
    expect(document?.getMap('test').get('from-reviewer')).toBeUndefined()
    expect(editor.doc.getMap('test').get('from-reviewer')).toBeUndefined()
    // A reviewer is shown again after its reconnect; a viewer's presence (set before all of the above) never reached anyone.
    const shown = () => editor.provider.awareness!.getStates().has(reviewer.doc.clientID)
    await waitFor(() => shown() === (role === 'reviewer'), { what: `the ${role}'s presence at the editor to settle` })
    expect(shown()).toBe(role === 'reviewer')
  })
})
