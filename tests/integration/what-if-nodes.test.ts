import { afterAll, describe, expect, it } from 'vitest'
import { CONTROLS_CHANNEL, parseStateless, statelessServerMessageSchema, type BoardControls } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { openBoard, synced, type TestClient } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { clusterUnavailable, startNodeCluster, type NodeCluster } from '../support/node-cluster.ts'
import type { ServerProcess } from '../support/server-process.ts'

const inCi = process.env.CI === 'true'
if (clusterUnavailable && !inCi) console.warn(`\n*** SKIPPED: the shared what-if across nodes test ${clusterUnavailable}. ***\n`)

/** The board's shared what-if as the client was last told, `undefined` until told anything. */
function whatIfSeenBy(client: TestClient): { value: BoardControls['whatIf'] | undefined } {
  const seen: { value: BoardControls['whatIf'] | undefined } = { value: undefined }
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = parseStateless(statelessServerMessageSchema, payload)
    if (message?.channel === CONTROLS_CHANNEL && message.type === 'state') seen.value = message.controls.whatIf
  })
  return seen
}

describe.skipIf(clusterUnavailable !== null && !inCi)('a shared what-if across two nodes', () => {
  let cluster: NodeCluster | undefined
  const clients: TestClient[] = []

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await cluster?.dispose()
  })

  it('ends when the node of the owner who showed it is killed', { timeout: 120_000 }, async () => {
    cluster = await startNodeCluster(2)
    const [node1, node2] = cluster.nodes as [ServerProcess, ServerProcess]
    const board = await createBoard(node1.url)
    const owner = openBoard(node1.url, board.id, linkToken(board.links.owner))
    const editor = openBoard(node2.url, board.id, linkToken(board.links.editor))
    clients.push(owner, editor)
    const seenByEditor = whatIfSeenBy(editor)
    await Promise.all([synced(owner), synced(editor)])

    const failed = ['shape:zone-a']
    owner.provider.sendStateless(JSON.stringify({ channel: CONTROLS_CHANNEL, type: 'command', command: { op: 'what-if', userId: 'user:owner', name: 'Owner', failed } }))
    await waitFor(() => seenByEditor.value?.failed.length === 1, { timeoutMs: 10_000, what: 'the shared what-if to reach the editor on node 2' })

    await node1.stop('SIGKILL')
    await waitFor(() => seenByEditor.value === null, { timeoutMs: 20_000, what: 'the shared what-if to end on node 2 once node 1 is dead' })
    // A late joiner on node 2 is not shown it either: it ended in the database too.
    const late = openBoard(node2.url, board.id, linkToken(board.links.viewer))
    clients.push(late)
    const seenByLate = whatIfSeenBy(late)
    await waitFor(() => seenByLate.value !== undefined, { timeoutMs: 10_000, what: 'the controls to reach a late joiner' })
    expect(seenByLate.value).toBeNull()
    expect(editor.provider.isSynced).toBe(true)
  })
})
