import { createBoardFromHome, createRectangle, expectShapes, openBoard, shapeIds, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

test('after kill -9 a fresh browser sees stored edits and an open tab re-sends the rest', async ({ newUser, server }) => {
  const alice = await newUser('Alice')
  const links = await createBoardFromHome(alice, 'Crash test')
  await openBoard(alice, links.owner)
  await waitForSynced(alice)

  const beforeStore = server.mark()
  await createRectangle(alice, 'stored', 100, 100)
  await waitForSynced(alice)
  await server.waitForLog((r) => r.msg === 'document stored' && String(r.documentName).startsWith('board:'), {
    since: beforeStore,
  })

  // Killed well inside the store debounce: whatever the server got of this edit, it never stored it.
  const beforeKill = server.mark()
  await createRectangle(alice, 'unstored', 300, 100)
  await server.stop('SIGKILL')
  expect(server.logsSince(beforeKill).filter((r) => r.msg === 'document stored')).toEqual([])
  await server.start()

  // A fresh browser that never saw the board gets what was stored ...
  const carol = await newUser('Carol')
  await openBoard(carol, links.editor)
  await expectShapes(carol, ['stored'])
  // ... and Alice's tab, which stayed open, re-sends what the server missed.
  await waitForSynced(alice)
  await expectShapes(carol, ['stored', 'unstored'])
  expect(await shapeIds(carol)).toEqual(await shapeIds(alice))
})
