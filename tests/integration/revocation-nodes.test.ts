import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boardDocumentName, reviewDocumentName, rosterResponseSchema, sessionResponseSchema, type SessionResponse } from '@concord/shared'
import { apiRequest, createBoard, linkToken } from '@concord/test-kit/api'
import { acknowledged, openBoard, synced, type TestClient } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { clusterUnavailable, startNodeCluster, type NodeCluster } from '../support/node-cluster.ts'
import type { ServerProcess } from '../support/server-process.ts'

const inCi = process.env.CI === 'true'
if (clusterUnavailable && !inCi) console.warn(`\n*** SKIPPED: the revocation across nodes test ${clusterUnavailable}. ***\n`)

/** A client of the board on `node`, synced; its `refusal` is set once the server has cut it off and refused its reconnection. */
async function connectedOn(node: ServerProcess, boardId: string, token: string, track: TestClient[]): Promise<TestClient> {
  const client = openBoard(node.url, boardId, token)
  track.push(client)
  await synced(client)
  return client
}

async function newSession(node: ServerProcess): Promise<{ session: SessionResponse; instructor: string }> {
  const created = await fetch(new URL('/api/sessions', node.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Nodes', teams: 2, template: null }),
  })
  const session = sessionResponseSchema.parse(await created.json())
  return { session, instructor: linkToken(session.dashboard) }
}

// Each revocation (and the deletion) is made on node 1 while the revoked client is connected to node 2.
describe.skipIf(clusterUnavailable !== null && !inCi)('token rotations across two nodes', () => {
  let cluster: NodeCluster | undefined
  let node1: ServerProcess
  let node2: ServerProcess
  const clients: TestClient[] = []

  beforeAll(async () => {
    cluster = await startNodeCluster(2)
    ;[node1, node2] = cluster.nodes as [ServerProcess, ServerProcess]
  }, 90_000)

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await cluster?.dispose()
  })

  it('a rotated student link closes the student’s connection on the other node, and the old token is refused on both', { timeout: 60_000 }, async () => {
    const { session, instructor } = await newSession(node1)
    const imported = await apiRequest(node1.url, `/api/sessions/${session.id}/roster`, instructor, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'student_id,name,team\n1,Ann,1\n2,Bo,1\n',
    })
    const [ann, bo] = rosterResponseSchema.parse(await imported.json()).students.map(({ link }) => linkToken(link))
    const boardId = session.teams[0]!.boardId
    const annOnNode2 = await connectedOn(node2, boardId, ann!, clients)
    const boOnNode2 = await connectedOn(node2, boardId, bo!, clients)

    const rotated = await apiRequest(node1.url, `/api/sessions/${session.id}/roster/1/rotate`, instructor, { method: 'POST' })
    expect(rotated.status).toBe(200)
    const annNew = linkToken(((await rotated.json()) as { link: string }).link)

    await waitFor(() => annOnNode2.refusal !== null, { timeoutMs: 10_000, what: 'the student’s connection on node 2 to be closed and refused' })
    for (const node of [node1, node2]) {
      const again = openBoard(node.url, boardId, ann!)
      clients.push(again)
      await expect(synced(again)).rejects.toThrow(/authentication failed/)
      expect((await apiRequest(node.url, '/api/me', ann!)).status).toBe(404)
      expect((await apiRequest(node.url, '/api/me', annNew)).status).toBe(200)
    }
    await connectedOn(node2, boardId, annNew, clients)
    // The other student of the team is not touched.
    expect(boOnNode2.refusal).toBeNull()
    expect(boOnNode2.provider.isSynced).toBe(true)
  })

  it('a rotated board link and a rotated instructor token close their connections on the other node', { timeout: 60_000 }, async () => {
    const board = await createBoard(node1.url)
    const editorOnNode2 = await connectedOn(node2, board.id, linkToken(board.links.editor), clients)
    const rotated = await apiRequest(node1.url, `/api/boards/${board.id}/links/editor/rotate`, linkToken(board.links.owner), { method: 'POST' })
    expect(rotated.status).toBe(200)
    await waitFor(() => editorOnNode2.refusal !== null, { timeoutMs: 10_000, what: 'the old editor link’s connection on node 2 to be closed and refused' })

    const { session, instructor } = await newSession(node1)
    const instructorOnNode2 = await Promise.all(session.teams.map(({ boardId }) => connectedOn(node2, boardId, instructor, clients)))
    const rotatedToken = await apiRequest(node1.url, `/api/sessions/${session.id}/token/rotate`, instructor, { method: 'POST' })
    expect(rotatedToken.status).toBe(200)
    await waitFor(() => instructorOnNode2.every(({ refusal }) => refusal !== null), {
      timeoutMs: 10_000,
      what: 'the old instructor token’s connections on node 2 to be closed and refused',
    })
  })

  it('a board deleted on one node closes its connections on the other, which refuses them again and leaves no stored rows', { timeout: 60_000 }, async () => {
    const board = await createBoard(node1.url)
    const editorToken = linkToken(board.links.editor)
    const editorOnNode2 = await connectedOn(node2, board.id, editorToken, clients)
    editorOnNode2.doc.getMap('m').set('before-deletion', true)
    await acknowledged(editorOnNode2)
    const since = node2.mark()

    const deleted = await apiRequest(node1.url, `/api/boards/${board.id}`, linkToken(board.links.owner), { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    await waitFor(() => editorOnNode2.refusal !== null, { timeoutMs: 10_000, what: 'the editor’s connection on node 2 to be closed and refused' })
    // Node 2 unloads the document (storing it) and then removes its rows again.
    await node2.waitForLog((record) => record.boardId === board.id && /deleted on another node/.test(String(record.msg)), { since, timeoutMs: 15_000 })
    const names = [boardDocumentName(board.id), reviewDocumentName(board.id)].map((name) => `'${name}'`).join(', ')
    expect(cluster!.query(`SELECT count(*) FROM documents WHERE name IN (${names})`)).toBe('0')
    expect(cluster!.query(`SELECT count(*) FROM document_updates WHERE name IN (${names})`)).toBe('0')
    const again = openBoard(node2.url, board.id, editorToken)
    clients.push(again)
    await expect(synced(again)).rejects.toThrow(/authentication failed/)
  })
})
