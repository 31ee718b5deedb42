import { unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRectangle, openNewBoard, waitForAcknowledged, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'
import { fillDisk, mountSmallDisk, unmountSmallDisk } from '../support/small-disk.ts'

const SHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname

// Mounted by the worker that runs the test (not when Playwright only lists the tests), before the server starts on it.
const disk = join(tmpdir(), `concord-e2e-disk-${process.pid}`)
let mounted = false
test.use({ serverEnv: { DATA_DIR: disk } })
test.beforeAll(() => {
  mounted = mountSmallDisk(disk)
  test.skip(!mounted, 'mounting a small file system needs root')
})
test.afterAll(() => {
  if (mounted) unmountSmallDisk(disk)
})

test('when the server cannot store edits, the board says so plainly, and the notice goes once they are stored', async ({ newUser }) => {
  const page = await newUser('Ada')
  await openNewBoard(page, 'Full disk')
  await waitForSynced(page)

  const filler = join(disk, 'filler')
  fillDisk(filler)
  try {
    await createRectangle(page, 'unsaved', 200, 200)
    const banner = page.getByTestId('storage-banner')
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('Your edits are not being saved')
    await expect(banner).toContainText('Keep this tab open')
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: `${SHOTS}storage-banner-${scheme}.png` })
    }
  } finally {
    unlinkSync(filler)
  }
  await waitForAcknowledged(page, 'unsaved')
  await expect(page.getByTestId('storage-banner')).toBeHidden()
})
