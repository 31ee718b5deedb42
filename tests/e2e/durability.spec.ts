import { createRectangle, expectShapes, openBoard, openNewBoard, shapeIds, waitForAcknowledged, waitForSynced } from '../support/board.ts'
import { breakDocumentWrites } from '../../apps/server/test/helpers/storage-fault.ts'
import { expect, test } from '../support/fixtures.ts'

test('after kill -9 a fresh browser sees every acknowledged edit, even with its author gone', async ({ newUser, server }) => {
  const alice = await newUser('Alice')
  const links = await openNewBoard(alice, 'Crash test')
  await waitForSynced(alice)

  // Acknowledged, then the server is killed at once.
  await createRectangle(alice, 'acknowledged', 100, 100)
  await waitForAcknowledged(alice, 'acknowledged')
  await server.stop('SIGKILL')
  // Alice's tab is gone: nobody can re-send the edit, only the server's storage has it.
  await alice.close()
  await server.start()

  const carol = await newUser('Carol')
  await openBoard(carol, links.editor)
  await waitForSynced(carol)
  await expectShapes(carol, ['acknowledged'])
})

test('after kill -9 an open tab re-sends what the server had not acknowledged', async ({ newUser, server }) => {
  const alice = await newUser('Alice')
  const links = await openNewBoard(alice, 'Crash test')
  await waitForSynced(alice)

  await createRectangle(alice, 'first', 100, 100)
  await waitForAcknowledged(alice, 'first')
  // Killed without waiting: this edit may or may not have reached storage.
  await createRectangle(alice, 'in-flight', 300, 100)
  await server.stop('SIGKILL')
  await server.start()

  const carol = await newUser('Carol')
  await openBoard(carol, links.editor)
  // Alice's tab reconnects and re-sends whatever the server lacks.
  await waitForSynced(alice)
  await expectShapes(carol, ['first', 'in-flight'])
  expect(await shapeIds(carol)).toEqual(await shapeIds(alice))
})

test('the board says changes are not saved while the server cannot store them', async ({ newUser, server }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Full disk')
  await waitForSynced(alice)

  const fault = breakDocumentWrites(server.dataDir)
  try {
    await createRectangle(alice, 'unsaved', 100, 100)
    await alice.waitForFunction(() => (window.__concord?.provider.unsyncedChanges ?? 0) > 0)
    const status = alice.getByTestId('connection-status')
    await expect(status).toHaveAttribute('data-not-saved', 'true', { timeout: 15_000 })
    await expect(status).toContainText('Not saved')
    await alice.screenshot({ path: test.info().outputPath('not-saved.png') })
  } finally {
    fault.repair()
  }
  await waitForAcknowledged(alice, 'unsaved')
  await expect(alice.getByTestId('connection-status')).toHaveAttribute('data-not-saved', 'false')
})
