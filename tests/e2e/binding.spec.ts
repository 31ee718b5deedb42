import { getRecordsMap, writeRecord, type JsonRecord } from '@concord/shared'
import type { Page } from '@playwright/test'
import type { TLGeoShape, TLShapeId } from 'tldraw'
import { linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { createRectangle, expectShapes, twoUsersOnNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

const BOX = 'shape:box' as TLShapeId

async function box(page: Page): Promise<{ x: number; y: number; color: string } | null> {
  return page.evaluate((id: string) => {
    const shape = window.__concord!.editor.getShape(id as TLShapeId) as TLGeoShape | undefined
    return shape ? { x: Math.round(shape.x), y: Math.round(shape.y), color: String(shape.props.color) } : null
  }, String(BOX))
}

/** The screen position of a page point, for real mouse input. */
async function toScreen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(({ x, y }) => window.__concord!.editor.pageToScreen({ x, y }), { x, y })
}

test('A drags a shape while B recolours it: both edits survive, and A’s Ctrl+Z undoes only A’s move', async ({ newUser }) => {
  const { alice, bob } = await twoUsersOnNewBoard(newUser, 'Merge and undo')
  await alice.evaluate(() => window.__concord!.editor.markHistoryStoppingPoint('create'))
  await createRectangle(alice, 'box', 200, 200)
  await expect.poll(() => box(bob)).toEqual({ x: 200, y: 200, color: 'black' })

  // Alice grabs the box by its edge (it is hollow) and drags it; meanwhile Bob recolours the box.
  const start = await toScreen(alice, 201, 240)
  await alice.mouse.move(start.x, start.y)
  await alice.mouse.down()
  await alice.mouse.move(start.x + 100, start.y + 50, { steps: 10 })
  await bob.evaluate((id: string) => {
    window.__concord!.editor.select(id as TLShapeId)
  }, String(BOX))
  await bob.getByTestId('style.color.red').click()
  await expect.poll(() => alice.evaluate(() => String(window.__concord!.editor.getOnlySelectedShape()?.id))).toBe(BOX)
  await alice.mouse.move(start.x + 300, start.y + 100, { steps: 10 })
  await alice.mouse.up()

  // Field-level merge: everyone ends with Alice's position and Bob's colour.
  for (const page of [alice, bob]) await expect.poll(() => box(page)).toEqual({ x: 500, y: 300, color: 'red' })

  // Alice's undo moves the box back and leaves Bob's later colour alone, everywhere.
  await alice.locator('.tl-canvas').focus()
  await alice.keyboard.press('Control+z')
  for (const page of [alice, bob]) await expect.poll(() => box(page)).toEqual({ x: 200, y: 200, color: 'red' })

  // Redo brings her move back.
  await alice.keyboard.press('Control+Shift+z')
  for (const page of [alice, bob]) await expect.poll(() => box(page)).toEqual({ x: 500, y: 300, color: 'red' })

  // Bob's undo reverts his colour only.
  await bob.locator('.tl-canvas').focus()
  await bob.keyboard.press('Control+z')
  for (const page of [alice, bob]) await expect.poll(() => box(page)).toEqual({ x: 500, y: 300, color: 'black' })
  await waitForSynced(alice)
  await waitForSynced(bob)
})

test('a record a peer wrote that this client cannot read is skipped with a notice, and syncing goes on', async ({ newUser, server }) => {
  const { alice, links } = await twoUsersOnNewBoard(newUser, 'Bad peer')
  const warnings: string[] = []
  alice.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text())
  })
  await createRectangle(alice, 'good', 100, 100)
  await waitForSynced(alice)
  const valid = JSON.parse(
    await alice.evaluate(() => JSON.stringify(window.__concord!.editor.getShape('shape:good' as TLShapeId))),
  ) as JsonRecord

  // A buggy (or newer, or malicious) peer writes a shape Alice's schema refuses.
  const boardId = links.editor.split('/')[2]!.split('#')[0]!
  const peer = await connectBoard(server.url, boardId, linkToken(links.editor))
  try {
    const records = getRecordsMap(peer.document)
    peer.document.transact(() =>
      writeRecord(records, { ...valid, id: 'shape:broken', props: { ...(valid.props as object), w: 'very wide' } } as JsonRecord),
    )
    await expect(alice.locator('.tlui-toast__title', { hasText: 'Some changes could not be shown' })).toBeVisible({ timeout: 15_000 })
    expect(warnings.some((text) => text.includes('shape:broken'))).toBe(true)

    // Everything else keeps syncing, and a later valid version of the same record is applied.
    peer.document.transact(() => writeRecord(records, { ...valid, id: 'shape:after', x: 400 } as JsonRecord))
    await expectShapes(alice, ['good', 'after'])
    peer.document.transact(() => writeRecord(records, { ...valid, id: 'shape:broken', x: 700 } as JsonRecord))
    await expectShapes(alice, ['good', 'after', 'broken'])
    await waitFor(() => peer.unsyncedChanges === 0, { timeoutMs: 15_000, what: 'the peer’s writes to be acknowledged' })
  } finally {
    peer.destroy()
  }
})
