import { writeStoredSchema, type StoredSchema } from '@concord/shared'
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { createRectangle, openNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test as base } from '../support/fixtures.ts'
import { ServerProcess } from '../support/server-process.ts'

const BUILT_APP = new URL('../../apps/web/dist', import.meta.url).pathname

/** The server serves a copy of the built app, so the test can ship a "new build" of the service worker. */
const test = base.extend<{ webDist: string }>({
  // oxlint-disable-next-line no-empty-pattern
  webDist: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-web-'))
    cpSync(BUILT_APP, dir, { recursive: true })
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },
  server: async ({ webDist }, use) => {
    const server = new ServerProcess({ env: { WEB_DIST: webDist } })
    await server.start()
    await use(server)
    await server.dispose()
  },
})

// The service worker is what this spec checks (blocked by default, playwright.config.ts).
test.use({ serviceWorkers: 'allow' })

/** Which build the page's controlling service worker belongs to: 'next' once the new one took over. */
function controllingBuild(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const controller = navigator.serviceWorker.controller
        if (!controller) return resolve('none')
        const channel = new MessageChannel()
        channel.port1.onmessage = (event) => resolve(String(event.data))
        controller.postMessage('concord-test-build?', [channel.port2])
        setTimeout(() => resolve('first'), 2_000)
      }),
  )
}

test('a board written by a newer version stops this client, and “Reload to update” activates the waiting new build', async ({
  newUser,
  server,
  webDist,
}) => {
  const alice = await newUser('Alice')
  const links = await openNewBoard(alice, 'From the future')
  await waitForSynced(alice)
  await alice.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await alice.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
  await createRectangle(alice, 'mine', 100, 100)
  await waitForSynced(alice)
  expect(await controllingBuild(alice)).toBe('first')

  // A new build of Concord is deployed: its service worker differs from the one Alice runs.
  appendFileSync(
    join(webDist, 'sw.js'),
    "\nself.addEventListener('message', (e) => { if (e.data === 'concord-test-build?') e.ports[0].postMessage('next') });\n",
  )

  // A client of that newer version migrates the board: its tldraw schema is ahead of Alice's.
  const local = (await alice.evaluate(() => window.__concord!.editor.store.schema.serialize())) as StoredSchema
  const newer: StoredSchema = {
    ...local,
    sequences: { ...local.sequences, 'com.tldraw.shape.geo': local.sequences['com.tldraw.shape.geo']! + 1 },
  }
  const boardId = links.owner.split('/')[2]!.split('#')[0]!
  const peer = await connectBoard(server.url, boardId, linkToken(links.editor))
  try {
    writeStoredSchema(peer.document, newer, null)
    await waitFor(() => peer.unsyncedChanges === 0, { timeoutMs: 15_000, what: 'the newer schema to be acknowledged' })
  } finally {
    peer.destroy()
  }

  // Alice's tab stops editing the board and says why, instead of writing old-format records into it.
  await expect(alice.getByTestId('board-outdated')).toHaveText('A newer version of Concord wrote this board: reload to update.')
  expect(await alice.evaluate(() => window.__concord === undefined)).toBe(true)

  // Reloading lets the waiting new service worker take over (skip waiting) before the page comes back.
  await Promise.all([alice.waitForEvent('load', { timeout: 30_000 }), alice.getByTestId('reload-to-update').click()])
  await alice.waitForFunction(() => navigator.serviceWorker.controller !== null)
  expect(await controllingBuild(alice)).toBe('next')
})
