import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { createRectangle, expectShapes, openBoard, openNewBoard, shapeIds, shareLink, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

const SHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname

/**
 * Drops or restores the page's collaboration socket. (Playwright's offline emulation leaves open
 * websockets alone, and stopping the server would stop the owner too.)
 */
async function setSocketOnline(page: Page, online: boolean): Promise<void> {
  await page.evaluate((up) => {
    type Socket = { connect(): Promise<unknown>; disconnect(): void }
    const socket = (window.__concord!.provider as unknown as { configuration: { websocketProvider: Socket } }).configuration
      .websocketProvider
    if (up) void socket.connect()
    else socket.disconnect()
  }, online)
}

async function presentUserNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .__concord!.editor.store.query.records('instance_presence')
      .get()
      .map((presence) => presence.userName)
      .sort(),
  )
}

test('the owner shares reviewer and viewer links: both are read-only, reviewers are shown, viewers only counted', async ({ newUser }) => {
  const alice = await newUser('Alice')
  const links = await openNewBoard(alice, 'Replicated log')
  await createRectangle(alice, 'leader', 200, 200)
  await waitForSynced(alice)
  await expect(alice.getByTestId('role-badge')).toHaveText('Owner')

  await alice.getByTestId('share-button').click()
  const dialog = alice.getByTestId('share-dialog')
  await expect(dialog.locator('[data-testid^="share-row-"]')).toHaveCount(4)
  await expect(alice.getByTestId('share-link-owner')).toHaveValue(new URL(links.owner, alice.url()).href)
  await alice.screenshot({ path: `${SHOTS}share-dialog.png` })
  const reviewerLink = await shareLink(alice, 'reviewer')
  const viewerLink = await shareLink(alice, 'viewer')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()

  const bob = await newUser('Bob')
  await openBoard(bob, reviewerLink)
  await expect(bob.getByTestId('role-badge')).toHaveText('Reviewer · view only')
  await expectShapes(bob, ['leader'])
  expect(await bob.evaluate(() => window.__concord!.editor.getIsReadonly())).toBe(true)
  await expect(bob.getByTestId('share-button')).toHaveCount(0)
  await expect(bob.getByTestId('tools.rectangle')).toHaveCount(0)
  // Select everything and press Delete, drag the shape: nothing changes, here or at the owner.
  await bob.locator('.tl-canvas').click({ position: { x: 700, y: 500 } })
  await bob.keyboard.press('ControlOrMeta+a')
  await bob.keyboard.press('Delete')
  // The board opens framed for Bob: grab the shape where it is on his screen.
  const leader = await bob.evaluate(() => {
    const editor = window.__concord!.editor
    return editor.pageToScreen(editor.getShapePageBounds('shape:leader' as never)!.center).toJson()
  })
  await bob.mouse.move(leader.x, leader.y)
  await bob.mouse.down()
  await bob.mouse.move(leader.x + 200, leader.y + 200, { steps: 5 })
  await bob.mouse.up()
  expect(await shapeIds(bob)).toEqual(['shape:leader'])
  const position = () => alice.evaluate(() => window.__concord!.editor.getShape('shape:leader' as never)?.x)
  expect(await position()).toBe(200)
  await bob.screenshot({ path: `${SHOTS}reviewer-board.png` })

  const carol = await newUser('Carol')
  await openBoard(carol, viewerLink)
  await expect(carol.getByTestId('role-badge')).toHaveText('Viewer · view only')
  expect(await carol.evaluate(() => window.__concord!.editor.getIsReadonly())).toBe(true)
  await carol.mouse.move(500, 300)
  await carol.mouse.move(520, 320)

  await expect(alice.getByTestId('viewer-count')).toHaveText('+1 viewer')
  await bob.mouse.move(400, 300)
  await expect.poll(() => presentUserNames(alice)).toEqual(['Bob'])
  await expect.poll(() => presentUserNames(carol)).toEqual(['Alice', 'Bob'])
  await alice.screenshot({ path: `${SHOTS}owner-with-viewer.png` })

  await carol.close()
  await expect(alice.getByTestId('viewer-count')).toHaveCount(0)
})

test('a rotated link cuts its open board off at once; unsynced offline work can be downloaded', async ({ newUser }) => {
  const alice = await newUser('Alice')
  const links = await openNewBoard(alice, 'Consensus')
  const dave = await newUser('Dave')
  await openBoard(dave, links.editor)
  await createRectangle(dave, 'synced', 100, 100)
  await waitForSynced(dave)
  await expectShapes(alice, ['synced'])

  // Dave loses his connection and keeps drawing.
  await setSocketOnline(dave, false)
  await expect(dave.getByTestId('connection-status')).not.toHaveAttribute('data-status', 'online')
  await createRectangle(dave, 'offline-work', 300, 100)
  await expect(dave.getByTestId('connection-status')).not.toHaveAttribute('data-unsynced', '0')

  await alice.getByTestId('share-button').click()
  await alice.getByTestId('share-rotate-editor').click()
  await alice.screenshot({ path: `${SHOTS}share-rotate-confirm.png` })
  await alice.getByTestId('share-rotate-confirm-editor').click()
  await expect(alice.getByTestId('share-link-editor')).not.toHaveValue(new URL(links.editor, alice.url()).href)
  await expect(alice.getByTestId('share-row-editor')).toContainText('The old one no longer works')

  await setSocketOnline(dave, true)
  await expect(dave.getByTestId('link-revoked')).toBeVisible()
  await expect(dave.getByTestId('local-copy-status')).toHaveAttribute('data-unsynced', 'true')
  await dave.screenshot({ path: `${SHOTS}link-revoked.png` })
  const download = dave.waitForEvent('download')
  await dave.getByTestId('download-local-copy').click()
  const file = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as { records: Array<{ id: string; name?: string }> }
  expect(file.records.map((record) => record.id)).toEqual(expect.arrayContaining(['shape:synced', 'shape:offline-work']))
  expect(file.records.find((record) => record.id === 'document:document')?.name).toBe('Consensus')
  // The server never got the offline shape.
  await expect.poll(() => shapeIds(alice)).toEqual(['shape:synced'])
})

test('replacing the owner link reopens the owner on the new link; the old one opens nothing', async ({ newUser }) => {
  const alice = await newUser('Alice')
  const links = await openNewBoard(alice, 'Leaked link')
  await createRectangle(alice, 'kept', 100, 100)
  await waitForSynced(alice)

  await alice.getByTestId('share-button').click()
  await alice.getByTestId('share-rotate-owner').click()
  await expect(alice.getByTestId('share-row-owner')).toContainText('This page reopens with the new owner link')
  await alice.getByTestId('share-rotate-confirm-owner').click()
  await expect.poll(() => new URL(alice.url()).hash).toMatch(/^#k=owner\.1\./)
  await expect(alice.getByTestId('role-badge')).toHaveText('Owner')
  await expectShapes(alice, ['kept'])
  await alice.goto('/')
  await expect(alice.getByTestId('recent-board')).toHaveAttribute('href', /#k=owner\.1\./)

  const mallory = await newUser('Mallory')
  await mallory.goto(links.owner)
  await expect(mallory.getByTestId('board-error')).toBeVisible()
})
