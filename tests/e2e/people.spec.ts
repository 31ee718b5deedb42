import { openBoard, openNewBoard, waitForSynced } from '../support/board.ts'
import { crowdBoard } from '../support/crowd.ts'
import { expect, test } from '../support/fixtures.ts'

test('an idle teammate is listed in the people menu, also after they reconnect', async ({ newUser, server }) => {
  const alice = await newUser('Alice')
  const links = await openNewBoard(alice, 'Quiet readers')
  await waitForSynced(alice)

  // Bob has not moved his pointer for ten minutes: tldraw counts him inactive, but he is here.
  const crowd = await crowdBoard(alice, server.url, { editor: links.editor }, { teammates: ['Bob'], lastActivity: Date.now() - 10 * 60_000 })
  try {
    await alice.getByTestId('people-menu').click()
    await expect(alice.getByTestId('people-item')).toHaveText([/Bob/])

    // Carol opens the board and never touches it; her tab drops its connection and comes back.
    const carol = await newUser('Carol')
    await openBoard(carol, links.editor)
    await waitForSynced(carol)
    await expect(alice.getByTestId('people-item')).toHaveCount(2)
    await carol.getByTestId('offline-toggle').click()
    await expect(alice.getByTestId('people-item')).toHaveCount(1)
    await carol.getByTestId('offline-toggle').click()
    await waitForSynced(carol)
    // At once, not at Carol's next 15-second awareness renewal.
    await expect(alice.getByTestId('people-item').filter({ hasText: 'Carol' })).toHaveCount(1, { timeout: 5_000 })

    // Alice's own tab drops its connection and comes back: both are still listed.
    await alice.getByTestId('offline-toggle').click()
    await alice.getByTestId('offline-toggle').click()
    await waitForSynced(alice)
    await alice.getByTestId('people-menu').click()
    for (const name of ['Bob', 'Carol']) await expect(alice.getByTestId('people-item').filter({ hasText: name })).toHaveCount(1, { timeout: 5_000 })

    // Following works from the list.
    await alice.getByTestId('people-item').filter({ hasText: 'Carol' }).getByTestId('people-follow').click()
    await expect.poll(() => alice.evaluate(() => window.__concord!.editor.getInstanceState().followingUserId)).not.toBeNull()
  } finally {
    crowd.destroy()
  }
})
