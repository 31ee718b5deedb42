import { createRectangle, twoUsersOnNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test as base } from '../support/fixtures.ts'
import { ServerProcess } from '../support/server-process.ts'

/** A server whose boards are full at 256 KiB, so a few large shapes fill one. */
const test = base.extend({
  // oxlint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = new ServerProcess({ env: { CONCORD_MAX_DOCUMENT_BYTES: String(256 * 1024) } })
    await server.start()
    await use(server)
    await server.dispose()
  },
})

test('a change past the board size limit is not saved, and the user is told why', async ({ newUser }) => {
  const { alice: page } = await twoUsersOnNewBoard(newUser, 'Full board')
  await createRectangle(page, 'small', 100, 100)
  await waitForSynced(page)

  // Each shape carries 90,000 characters: the fourth takes the board past 256 KiB.
  for (let n = 0; n < 4; n++) {
    await page.evaluate((n) => {
      window.__concord!.editor.createShape({ id: `shape:big${n}` as never, type: 'geo', x: 200 * n, y: 300, meta: { notes: 'x'.repeat(90_000) } })
    }, n)
  }
  const status = page.getByTestId('connection-status')
  await expect(status).toContainText('Not saved · Board is full: documents are limited to 262144 bytes', { timeout: 20_000 })
  await expect(status).toHaveAttribute('data-refused', 'Board is full: documents are limited to 262144 bytes')
  await expect(status).not.toHaveAttribute('data-unsynced', '0')
})
