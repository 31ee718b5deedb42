import { createBoardFromHome, openBoard, openNewBoard, twoUsersOnNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

test('follow a collaborator and chat at the cursor', async ({ newUser }) => {
  const { alice, bob } = await twoUsersOnNewBoard(newUser, 'Gossip protocol')

  // Bob follows Alice from tldraw's people menu and his viewport tracks hers.
  await expect.poll(() => bob.evaluate(() => window.__concord!.editor.getCollaborators().length)).toBe(1)
  await alice.mouse.move(600, 400)
  await bob.getByTestId('people-menu').click()
  await bob.getByTestId('people-item').filter({ hasText: 'Alice' }).getByTestId('people-follow').click()
  await expect
    .poll(() => bob.evaluate(() => window.__concord!.editor.getInstanceState().followingUserId))
    .not.toBeNull()
  await alice.evaluate(() => {
    window.__concord!.editor.setCamera({ x: -1500, y: -900, z: 1 })
  })
  await expect
    .poll(() =>
      bob.evaluate(() => {
        const { x, y } = window.__concord!.editor.getCamera()
        return [Math.round(x), Math.round(y)]
      }),
    )
    .toEqual([-1500, -900])

  // Cursor chat: what Alice types after "/" appears at her cursor on Bob's screen.
  await alice.locator('.tl-canvas').click({ position: { x: 640, y: 420 } })
  await alice.keyboard.press('/')
  await expect(alice.locator('input.tl-cursor-chat')).toBeFocused()
  await alice.keyboard.type('look here')
  await expect
    .poll(() => bob.evaluate(() => window.__concord!.editor.getCollaborators()[0]?.chatMessage))
    .toBe('look here')
})

test('two browsers opening a brand-new board at once end with one page', async ({ newUser }) => {
  const alice = await newUser('Alice')
  const bob = await newUser('Bob')
  const links = await createBoardFromHome(alice, 'Fresh')
  await Promise.all([openBoard(alice, links.owner), openBoard(bob, links.editor)])
  await waitForSynced(alice)
  await waitForSynced(bob)
  const pages = (page: typeof alice) => page.evaluate(() => window.__concord!.editor.getPages().map((p) => p.id))
  await expect.poll(() => pages(alice)).toHaveLength(1)
  expect(await pages(bob)).toEqual(await pages(alice))
})

test('a pasted link becomes a bookmark without fetching the page', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Links')
  await waitForSynced(alice)
  await alice.locator('.tl-canvas').click({ position: { x: 600, y: 400 } })
  await alice.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/plain', 'https://example.com/raft-paper')
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect
    .poll(() =>
      alice.evaluate(() =>
        window.__concord!.editor
          .getAssets()
          .filter((a) => a.type === 'bookmark')
          .map((a) => a.props.src),
      ),
    )
    .toEqual(['https://example.com/raft-paper'])
  // The fixture fails the test if any request went to example.com (or anywhere but 127.0.0.1).
})
