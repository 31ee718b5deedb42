import { createRectangle, expectShapes, waitForAcknowledged, waitForSynced } from '../support/board.ts'
import { clusterUnavailable, onTwoNodes } from '../support/cluster.ts'
import { test } from '../support/fixtures.ts'

// Under CI=true the engines are installed by .ci/run, and their absence fails the run below.
test.skip(!process.env.CI && clusterUnavailable !== null, clusterUnavailable ?? '')

test('when its server node is killed, an open board fails over to another node and keeps collaborating', async ({ browser }) => {
  test.setTimeout(120_000)
  await onTwoNodes(browser, 'Failover', async ({ nodes: [node1], alice, bob }) => {
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
  })
})
