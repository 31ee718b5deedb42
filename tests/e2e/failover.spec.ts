import { createBoardFromHome, createRectangle, expectShapes, openBoard, waitForAcknowledged, waitForSynced } from '../support/board.ts'
import { clusterUnavailable, startCluster, userOn } from '../support/cluster.ts'
import { test } from '../support/fixtures.ts'
import type { ServerProcess } from '../support/server-process.ts'

// Under CI=true the engines are installed by .ci/run, and their absence fails the run below.
test.skip(!process.env.CI && clusterUnavailable !== null, clusterUnavailable ?? '')

test('when its server node is killed, an open board fails over to another node and keeps collaborating', async ({ browser }) => {
  test.setTimeout(120_000)
  const { nodes, dispose } = await startCluster(2)
  try {
    const [node1, node2] = nodes as [ServerProcess, ServerProcess]
    // Alice's page and socket are on node 1; Bob's on node 2.
    const alice = await userOn(browser, node1, 'Alice')
    const links = await createBoardFromHome(alice, 'Failover')
    await openBoard(alice, links.owner)
    const bob = await userOn(browser, node2, 'Bob')
    await openBoard(bob, links.editor)
    await Promise.all([waitForSynced(alice), waitForSynced(bob)])
    await createRectangle(alice, 'before', 100, 100)
    await waitForAcknowledged(alice, 'before')
    await expectShapes(bob, ['before'])

    await node1.stop('SIGKILL')
    // Alice's tab keeps its page; its socket moves to node 2 (from `GET /api/nodes`) and resyncs there.
    await createRectangle(alice, 'after', 300, 100)
    await expectShapes(bob, ['before', 'after'])
    await waitForAcknowledged(alice, 'after')
    await createRectangle(bob, 'from-bob', 300, 300)
    await expectShapes(alice, ['before', 'after', 'from-bob'])
    await waitForSynced(alice)
  } finally {
    await dispose()
  }
})
