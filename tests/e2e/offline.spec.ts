import type { Page } from '@playwright/test'
import { createRectangle, documentRecords, expectShapes, twoUsersOnNewBoard, waitForEditor, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

// The service worker is part of what this spec checks (blocked by default, playwright.config.ts).
test.use({ serviceWorkers: 'allow' })

/** Waits until a service worker controls the page, so the app shell loads without the server. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
}

test('offline edits on both sides, a reload while the server is down, then convergence', async ({ newUser, server }) => {
  const { alice, bob } = await twoUsersOnNewBoard(newUser, 'Offline-first notes')
  await createRectangle(alice, 'before', 100, 100)
  await expectShapes(bob, ['before'])
  await waitForSynced(alice)
  await waitForSynced(bob)
  // The first visit may not be controlled yet; a reload while online puts the worker in charge.
  await bob.reload()
  await waitForEditor(bob)
  await waitForServiceWorker(bob)

  await server.stop()
  await expect(alice.getByTestId('connection-status')).not.toHaveAttribute('data-status', 'online')
  await expect(bob.getByTestId('connection-status')).not.toHaveAttribute('data-status', 'online')

  await createRectangle(alice, 'alice-offline', 300, 100)
  await createRectangle(bob, 'bob-offline', 500, 100)
  await expect(alice.getByTestId('connection-status')).not.toHaveAttribute('data-unsynced', '0')

  // Bob reloads while the server is down, once his edit has reached his local copy (the store hands
  // changes to Yjs on the next frame): the app shell and his offline edit are still there.
  await bob.waitForFunction(() => {
    const { records } = window.__concord!.doc.toJSON() as { records: Record<string, unknown> }
    return 'shape:bob-offline' in records
  })
  await bob.reload()
  await waitForEditor(bob)
  await expectShapes(bob, ['before', 'bob-offline'])

  await server.start()
  await waitForSynced(alice)
  await waitForSynced(bob)
  await expectShapes(alice, ['before', 'alice-offline', 'bob-offline'])
  await expectShapes(bob, ['before', 'alice-offline', 'bob-offline'])
  await expect.poll(async () => (await documentRecords(alice)) === (await documentRecords(bob))).toBe(true)
})
