import { readFileSync } from 'node:fs'
import { boardDocumentName } from '@concord/shared'
import { linkToken } from '@concord/test-kit/api'
import { RawCollabSocket } from '@concord/test-kit/raw-collab'
import { createRectangle, expectShapes, openBoard, shapeIds, twoUsersOnNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'
import { deepUpdate } from '@concord/test-kit/update-mutants'

/** Updates that decode but throw when applied (tests/fuzz/find-poison-updates.ts). */
const POISON: Array<{ update: string }> = JSON.parse(readFileSync(new URL('../fixtures/poison-updates.json', import.meta.url), 'utf8'))

test('a peer sends hostile updates: the victim tab keeps syncing with a third tab and reopens the board', async ({ newUser, server }) => {
  const { alice: victim, bob: third, links } = await twoUsersOnNewBoard(newUser, 'Hostile peer')
  const pageErrors: string[] = []
  victim.on('pageerror', (error) => pageErrors.push(error.message))
  await createRectangle(victim, 'before', 100, 100)
  await expectShapes(third, ['before'])

  // The peer holds an editor link and writes by hand what no client would: updates that break
  // Yjs when applied, and a record nested 6,000 maps deep.
  const boardId = links.editor.split('/')[2]!.split('#')[0]!
  const hostile = [...POISON.slice(0, 3).map(({ update }) => Buffer.from(update, 'base64')), deepUpdate(6000)]
  const peers: RawCollabSocket[] = []
  for (const update of hostile) {
    const peer = await RawCollabSocket.open(server.url, boardDocumentName(boardId), linkToken(links.editor))
    peer.sendUpdate(update)
    await expect.poll(() => !peer.isOpen || peer.acknowledgements().length > 0).toBe(true)
    peers.push(peer)
  }

  // Both directions still sync.
  await createRectangle(victim, 'from-victim', 300, 100)
  await createRectangle(third, 'from-third', 500, 100)
  await expectShapes(third, ['before', 'from-victim', 'from-third'])
  await expectShapes(victim, ['before', 'from-victim', 'from-third'])
  await waitForSynced(victim)

  // The victim reopens the board (its local copy and the server's): all there, still syncing.
  await openBoard(victim, links.owner)
  await waitForSynced(victim)
  await expectShapes(victim, ['before', 'from-victim', 'from-third'])
  await createRectangle(third, 'after-reopen', 700, 100)
  await expectShapes(victim, ['after-reopen'])
  expect((await shapeIds(victim)).filter((id) => id.startsWith('shape:m') || id === 'shape:deep')).toEqual([])
  expect(pageErrors).toEqual([])
  // The server refused every one of them (closing the peer's socket), so none reached a tab.
  for (const peer of peers) expect([1007, 4413]).toContain((await peer.closed).code)
})
