import { readFile } from 'node:fs/promises'
import { boardDocumentName, getRecordsMap, readRecord, readStoredSchema, writeRecord, writeStoredSchema, type JsonObject, type JsonRecord } from '@concord/shared'
import type { Page } from '@playwright/test'
import type { TLShapeId } from 'tldraw'
import { linkToken } from '@concord/test-kit/api'
import { connectDocument } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import {
  createBoardFromHome,
  createComponent,
  createRectangle,
  expectShapes,
  openBoard,
  openNewBoard,
  reviewerOnVersion,
  shapeIds,
  shareLink,
  submitVersion,
  waitForSynced,
} from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

const SHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname

test('a reviewer pins a comment to a property and fills the rubric; the owner sees both live, replies and resolves', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Key-value store')
  // A component from the library: a key-value store, whose consistency model a reviewer questions.
  await createComponent(alice, 'db', 'kv-store', 'Orders', 300, 250)
  await waitForSynced(alice)
  const reviewerLink = await shareLink(alice, 'reviewer')
  await alice.getByRole('button', { name: 'Done' }).click()

  const bob = await newUser('Bob')
  await openBoard(bob, reviewerLink)
  await expectShapes(bob, ['db'])
  // The reviewer selects the component (read-only still selects) and comments on one of its properties.
  // The board opens framed for Bob: click where the component is on his screen.
  const db = await bob.evaluate(() => {
    const editor = window.__concord!.editor
    return editor.pageToScreen(editor.getShapePageBounds('shape:db' as never)!.center).toJson()
  })
  await bob.mouse.click(db.x, db.y)
  await expect.poll(() => bob.evaluate(() => window.__concord!.editor.getSelectedShapeIds())).toEqual(['shape:db'])
  // A reviewer link opens with the review panel shown.
  await expect(bob.getByTestId('review-panel')).toBeVisible()
  await bob.getByTestId('comment-property').selectOption({ label: 'its Consistency model' })
  await bob.getByTestId('comment-text').fill('Why no fill? Which consistency model? See https://example.com/guide for the convention.')
  await bob.getByTestId('comment-submit').click()
  await expect(bob.getByTestId('thread')).toHaveCount(1)
  await expect(bob.getByTestId('thread')).toHaveAttribute('data-anchor-kind', 'property')

  await bob.getByTestId('review-tab-rubric').click()
  await bob.getByTestId('rubric-clarity').getByLabel('4').check()
  await bob.getByTestId('rubric-clarity').getByRole('textbox').fill('Easy to follow')
  await bob.getByTestId('rubric-resilience').getByLabel('2').check()
  await bob.screenshot({ path: `${SHOTS}review-rubric-reviewer.png` })

  // The owner sees the marker and the count live, then the thread and the scores.
  await expect(alice.getByTestId('comment-marker')).toHaveAttribute('data-count', '1')
  await expect(alice.getByTestId('review-open-count')).toHaveText('1')
  await alice.getByTestId('comment-marker').click()
  const thread = alice.getByTestId('thread')
  await expect(thread).toContainText('· Consistency model')
  await expect(thread).toContainText('Bob')
  await expect(thread.getByRole('link', { name: 'https://example.com/guide' })).toHaveAttribute('href', 'https://example.com/guide')
  await alice.screenshot({ path: `${SHOTS}review-comments-owner.png` })
  // Clicking the thread's anchor brings its component into view, selected.
  await alice.evaluate(() => {
    window.__concord!.editor.setCamera({ x: -3000, y: -3000, z: 1 })
  })
  await thread.getByRole('button', { name: /· Consistency model$/ }).click()
  await expect.poll(() => alice.evaluate(() => window.__concord!.editor.getSelectedShapeIds())).toEqual(['shape:db'])
  await expect
    .poll(() => alice.evaluate(() => window.__concord!.editor.getViewportPageBounds().includes(window.__concord!.editor.getShapePageBounds('shape:db' as never)!)))
    .toBe(true)
  // Filtering by component: nothing when another component is selected.
  await alice.getByText('Selected component only').click()
  await expect(alice.getByTestId('thread')).toHaveCount(1)
  await alice.evaluate(() => {
    window.__concord!.editor.selectNone()
  })
  await expect(alice.getByTestId('thread')).toHaveCount(0)
  await alice.getByText('Selected component only').click()
  await alice.getByTestId('reply-text').fill('Filled now, thanks.')
  await alice.getByTestId('reply-submit').click()
  await alice.getByTestId('thread-status').click()
  await expect(alice.getByTestId('thread')).toHaveCount(0)
  await expect(alice.getByTestId('comment-marker')).toHaveAttribute('data-count', '0')

  await alice.getByTestId('review-tab-rubric').click()
  await expect(alice.getByTestId('rubric-mean-clarity')).toHaveText('4.0')
  await expect(alice.getByTestId('rubric-mean-resilience')).toHaveText('2.0')
  await expect(alice.getByTestId('rubric-reviewer')).toContainText('Easy to follow')
  await expect(alice.getByTestId('rubric-form')).toHaveCount(0)

  // The reviewer sees the reply and the resolution.
  await bob.getByTestId('review-tab-comments').click()
  await bob.getByTestId('thread-filter').selectOption('resolved')
  await expect(bob.getByTestId('thread')).toHaveAttribute('data-status', 'resolved')
  await expect(bob.getByTestId('comment')).toHaveText([/Why no fill/, /Filled now, thanks\./])

  // A comment on a point, then the component is deleted: its thread stays, orphaned.
  await alice.getByTestId('review-tab-comments').click()
  await alice.keyboard.press('Escape')
  await alice.evaluate(() => {
    window.__concord!.editor.selectNone()
  })
  await alice.getByTestId('pick-point').click()
  await alice.getByTestId('point-picker').click({ position: { x: 200, y: 500 } })
  await alice.getByTestId('comment-text').fill('A cache would go here.')
  await alice.getByTestId('comment-submit').click()
  await expect(bob.getByTestId('comment-marker')).toHaveCount(2)
  await alice.evaluate(() => {
    window.__concord!.editor.deleteShapes(['shape:db' as never])
  })
  await alice.getByTestId('thread-filter').selectOption('all')
  await expect(alice.getByTestId('thread').filter({ hasText: 'Why no fill' })).toContainText('orphaned')

  const download = alice.waitForEvent('download')
  await alice.getByTestId('review-export').click()
  const markdown = await readFile((await (await download).path())!, 'utf8')
  expect(markdown).toContain('# Review of Key-value store')
  expect(markdown).toContain('| Clarity of the design | 4.0 | 1 |')
  expect(markdown).toContain('Bob')
  expect(markdown).toContain('A cache would go here.')
})

test('submit for review freezes a version: the reviewer sees the frozen one while the owner edits; the owner restores it', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Leader election')
  await createRectangle(alice, 'frozen', 200, 200)
  await waitForSynced(alice)
  await submitVersion(alice, 'Milestone 1')

  // The reviewer starts on the submitted version; the owner keeps editing the live board.
  const bob = await reviewerOnVersion(alice, newUser, 'Milestone 1')
  await expect(bob.locator('.tl-shape')).toHaveCount(1)
  await createRectangle(alice, 'live-only', 500, 200)
  await waitForSynced(alice)
  await bob.getByTestId('back-to-live').click()
  await expectShapes(bob, ['frozen', 'live-only'])
  await bob.getByTestId('review-tab-versions').click()
  await bob.getByTestId('version-view').click()
  await expect(bob.getByTestId('version-banner')).toBeVisible()
  await expect(bob.locator('.tl-shape')).toHaveCount(1)
  await bob.screenshot({ path: `${SHOTS}review-version-reviewer.png` })

  // A comment made on the version says so.
  await bob.getByTestId('review-tab-comments').click()
  await bob.getByTestId('pick-point').click()
  await bob.getByTestId('point-picker').click({ position: { x: 400, y: 450 } })
  await bob.getByTestId('comment-text').fill('The election timeout is missing.')
  await bob.getByTestId('comment-submit').click()
  await expect(alice.getByTestId('review-open-count')).toHaveText('1')
  await alice.getByTestId('review-tab-comments').click()
  await expect(alice.getByTestId('thread')).toContainText('on “Milestone 1”')

  // The owner restores the version onto the live board, for everyone.
  await alice.getByTestId('review-tab-versions').click()
  await alice.getByTestId('version-restore').click()
  await alice.getByTestId('version-restore-confirm').click()
  await expect.poll(() => shapeIds(alice)).toEqual(['shape:frozen'])
  // The live board from before the restore is kept as a version.
  await expect(alice.getByTestId('version')).toHaveCount(2)
  await expect(alice.getByTestId('version').filter({ hasText: 'Before restoring “Milestone 1”' })).toHaveCount(1)
})

/** The plain text of a geo shape's label on the page's board, or null when the board does not show the shape. */
function labelOf(page: Page, id: string): Promise<string | null> {
  return page.evaluate((shapeId) => {
    const shape = window.__concord!.editor.getShape(shapeId as TLShapeId) as { props: { richText?: unknown } } | undefined
    return shape ? JSON.stringify(shape.props.richText ?? null) : null
  }, `shape:${id}`)
}

test('a version submitted before an upgrade is shown and restored migrated, on every open board', async ({ newUser, server }) => {
  const alice = await newUser('Alice')
  const links = await createBoardFromHome(alice, 'Storage tier')
  const boardId = links.owner.split('/')[2]!.split('#')[0]!
  await openBoard(alice, links.owner)
  await createRectangle(alice, 'db', 200, 200)
  await waitForSynced(alice)
  await alice.goto('/')

  // The board as an older Concord (geo shapes before rich text, version 9) wrote it, then submitted for review.
  const older = await connectDocument(server.url, boardDocumentName(boardId), linkToken(links.owner))
  try {
    const records = getRecordsMap(older.document)
    const current = readRecord(records, 'shape:db')!
    const { richText: _richText, flipX: _flipX, flipY: _flipY, ...olderProps } = current.props as JsonObject
    writeRecord(records, { ...current, props: { ...olderProps, text: 'Primary database' } } as JsonRecord)
    const schema = readStoredSchema(older.document)!
    writeStoredSchema(older.document, { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.geo': 9 } }, null)
    await waitFor(() => older.unsyncedChanges === 0, { timeoutMs: 15_000, what: 'the older client’s writes to be acknowledged' })
    const submitted = await alice.request.post(`/api/boards/${boardId}/versions`, { headers: { Authorization: `Bearer ${linkToken(links.owner)}` }, data: { name: 'Before the upgrade' } })
    expect(submitted.status()).toBe(201)
  } finally {
    older.destroy()
  }

  // Today's Concord opens the board and migrates it; then the team changes the label.
  await openBoard(alice, links.owner)
  await expect.poll(() => labelOf(alice, 'db')).toContain('Primary database')
  const bob = await newUser('Bob')
  await openBoard(bob, links.editor)
  await alice.evaluate(() =>
    window.__concord!.editor.updateShape({ id: 'shape:db' as TLShapeId, type: 'geo', props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sharded store' }] }] } } }),
  )
  await expect.poll(() => labelOf(bob, 'db')).toContain('Sharded store')

  // The old version shows its label, migrated.
  await alice.getByTestId('review-button').click()
  await alice.getByTestId('review-tab-versions').click()
  await alice.getByTestId('version-view').click()
  await expect(alice.getByTestId('version-banner')).toContainText('Before the upgrade')
  await expect(alice.locator('.tl-shape')).toHaveCount(1)
  await expect(alice.locator('.tl-shape').getByText('Primary database')).toBeVisible()
  await alice.getByTestId('back-to-live').click()

  // Restored, it reaches both open boards migrated, with nothing reported as unreadable.
  await alice.getByTestId('review-tab-versions').click()
  await alice.getByTestId('version-restore').first().click()
  await alice.getByTestId('version-restore-confirm').click()
  for (const page of [alice, bob]) await expect.poll(() => labelOf(page, 'db')).toContain('Primary database')
  await waitForSynced(alice)
  await expect(bob.getByText('Some changes could not be shown')).toHaveCount(0)
  await expect(alice.getByText('Some changes could not be shown')).toHaveCount(0)
})
