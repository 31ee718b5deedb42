import type { Page } from '@playwright/test'
import type { TLShapeId } from 'tldraw'
import { createRectangle, expectShapes, documentRecords, openBoard, twoUsersOnNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

async function boxProps(page: Page): Promise<{ x: number; color: string } | null> {
  return page.evaluate(() => {
    const shape = window.__concord!.editor.getShape('shape:shared' as TLShapeId) as { x: number; props: { color: string } } | undefined
    return shape ? { x: Math.round(shape.x), color: String(shape.props.color) } : null
  })
}

test('the owner partitions a tab from the lab; both sides edit; the lab shows divergence, then convergence after the heal', async ({ newUser }) => {
  const { alice, bob, links } = await twoUsersOnNewBoard(newUser, 'Partition demo')
  await createRectangle(alice, 'shared', 100, 100)
  await expectShapes(bob, ['shared'])

  // Alice (the owner) opens the lab in a second tab; it lists the server and every replica.
  const lab = await alice.context().newPage()
  await lab.goto(`${links.owner.replace(/^\/b\/([^#]+)/, '/b/$1/lab')}`)
  await expect(lab.getByTestId('lab')).toBeVisible()
  await expect(lab.getByTestId('lab-server')).toBeVisible()
  const bobCard = lab.getByTestId('lab-replica').filter({ hasText: 'Bob' })
  await expect(bobCard).toBeVisible()
  await expect(lab.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'converged', { timeout: 20_000 })

  // Partition Bob: his tab says so, and both sides keep editing different fields of one shape.
  await bobCard.getByTestId('lab-partition').click()
  await expect(bobCard).toHaveAttribute('data-status', 'partitioned')
  await expect(bob.getByTestId('lab-fault-banner')).toBeVisible()
  await alice.evaluate(() => {
    window.__concord!.editor.updateShape({ id: 'shape:shared' as TLShapeId, type: 'geo', x: 400 })
  })
  await bob.evaluate(() => {
    window.__concord!.editor.updateShape({ id: 'shape:shared' as TLShapeId, type: 'geo', props: { color: 'red' } })
  })
  await createRectangle(bob, 'bob-partitioned', 600, 300)
  await expect(lab.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'diverged')
  expect(await boxProps(alice)).toEqual({ x: 400, color: 'black' })
  expect(await boxProps(bob)).toEqual({ x: 100, color: 'red' })

  // Heal: the state-vector handshake repairs what was dropped, and the lab measures the convergence.
  await lab.getByTestId('lab-heal-all').click()
  await expect(lab.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'converged', { timeout: 30_000 })
  await expect(lab.getByTestId('lab-converged-after')).toBeVisible()
  await expect(bob.getByTestId('lab-fault-banner')).toBeHidden()
  for (const page of [alice, bob]) {
    await expect.poll(() => boxProps(page)).toEqual({ x: 400, color: 'red' })
    await expectShapes(page, ['shared', 'bob-partitioned'])
  }
  await waitForSynced(alice)
  await waitForSynced(bob)
  await expect.poll(async () => (await documentRecords(alice)) === (await documentRecords(bob))).toBe(true)
  // The diagram drew the dropped messages.
  await lab.getByTestId('lab-pause').click()
  expect(await lab.locator('[data-fate="dropped"]').count()).toBeGreaterThan(0)
})

test('any user takes their own tab offline and back, and their edits merge', async ({ newUser }) => {
  const { alice, bob } = await twoUsersOnNewBoard(newUser, 'Offline switch')
  await bob.getByTestId('offline-toggle').click()
  await expect(bob.getByTestId('connection-status')).not.toHaveAttribute('data-status', 'online')
  await createRectangle(bob, 'while-offline', 200, 200)
  await createRectangle(alice, 'meanwhile', 400, 200)
  await expectShapes(alice, ['meanwhile'])
  expect((await alice.evaluate(() => [...window.__concord!.editor.getCurrentPageShapeIds()].map(String)))).not.toContain('shape:while-offline')
  await bob.getByTestId('offline-toggle').click()
  await waitForSynced(bob)
  for (const page of [alice, bob]) await expectShapes(page, ['while-offline', 'meanwhile'])
  await openBoard(bob, (await bob.evaluate(() => location.pathname + location.hash)))
  await expectShapes(bob, ['while-offline', 'meanwhile'])
})
