import { CATALOG, type SessionResponse } from '@concord/shared'
import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from '../support/axe.ts'
import { openBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

const THREE_TIER = CATALOG.templates.find((template) => template.id === 'three-tier-web')!

/** Clicks the middle of a shape's lower edge band, inside it (a zone's empty floor, below its components). */
async function clickInsideBottom(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((shapeId) => {
    const editor = window.__concord!.editor
    const bounds = editor.getShapePageBounds(shapeId as Parameters<typeof editor.getShapePageBounds>[0])!
    return editor.pageToScreen({ x: bounds.center.x, y: bounds.maxY - 6 })
  }, id)
  await page.mouse.click(point.x, point.y)
}

test('the owner shows a zone’s failure to everyone: the follower sees it greyed, the broken paths and the numbers, live, until the owner ends it', async ({ newUser }) => {
  const owner = await newUser('Dr. Mira')
  const response = await owner.request.post('/api/sessions', { data: { name: 'Failure drills', teams: 1, template: THREE_TIER.id } })
  expect(response.status()).toBe(201)
  const team = ((await response.json()) as SessionResponse).teams[0]!
  const follower = await newUser('Sam')
  await openBoard(owner, team.instructor)
  await openBoard(follower, team.links.editor)
  await waitForSynced(owner)
  await waitForSynced(follower)

  // The owner's own what-if: only they see it.
  await owner.getByTestId('what-if-button').click()
  const panel = owner.getByTestId('what-if-panel')
  await expect(panel.getByTestId('what-if-scope')).toHaveText(/Only you see this/)
  const zoneA = panel.getByRole('checkbox', { name: /^Zone a/ })
  await zoneA.check()
  const zoneAId = (await zoneA.getAttribute('data-id'))!
  await expect(owner.locator(`[data-testid="what-if-failed"][data-id="${zoneAId}"]`)).toBeVisible()
  await expect(follower.getByTestId('what-if-panel')).toHaveCount(0)

  await panel.getByTestId('what-if-share').click()
  await expect(panel.getByTestId('what-if-scope')).toHaveText(/Everyone on the board sees this/)

  // The follower sees the zone greyed, the request paths through it marked, and the panel's numbers.
  const followerPanel = follower.getByTestId('what-if-panel')
  await expect(followerPanel.getByTestId('what-if-scope')).toHaveText('Dr. Mira shows this what-if to everyone.')
  await expect(follower.locator(`[data-testid="what-if-failed"][data-id="${zoneAId}"]`)).toBeVisible()
  await expect.poll(() => follower.getByTestId('what-if-broken').count()).toBeGreaterThan(0)
  await expect.poll(() => followerPanel.getByTestId('what-if-broken-path').count()).toBeGreaterThan(0)
  const browser = followerPanel.getByTestId('what-if-entry').filter({ hasText: 'Browser' })
  await expect(browser).toHaveAttribute('data-lost', 'true')
  await expect(browser).toContainText('→ 0 %')
  await expect(browser).toContainText('Service lost')
  // What the owner shows is theirs to change: the follower's choices wait.
  await expect(followerPanel.getByRole('checkbox', { name: /^Zone b/ })).toBeDisabled()
  await expectNoSeriousViolations(follower, 'the what-if panel', '[data-testid="what-if-panel"]')

  // The owner changes it on the canvas: zone a comes back, zone b fails, and the follower follows.
  await clickInsideBottom(owner, zoneAId)
  await expect(zoneA).not.toBeChecked()
  const zoneBId = (await panel.getByRole('checkbox', { name: /^Zone b/ }).getAttribute('data-id'))!
  await clickInsideBottom(owner, zoneBId)
  await expect(panel.getByRole('checkbox', { name: /^Zone b/ })).toBeChecked()
  await expect(follower.locator(`[data-testid="what-if-failed"][data-id="${zoneBId}"]`)).toBeVisible()
  await expect(follower.locator(`[data-testid="what-if-failed"][data-id="${zoneAId}"]`)).toHaveCount(0)
  // Zone a's app servers take every request: the browser keeps its service.
  await expect(browser).toHaveAttribute('data-lost', 'false')

  // Nothing of it was written to the board.
  const failedMeta = await follower.evaluate(() => JSON.stringify(window.__concord!.doc.toJSON()).includes('what-if'))
  expect(failedMeta).toBe(false)

  await panel.getByTestId('what-if-end').click()
  await expect(followerPanel).toHaveCount(0)
  await expect(follower.getByTestId('what-if-failed')).toHaveCount(0)
  await expect(follower.getByTestId('what-if-broken')).toHaveCount(0)
  await expect(owner.getByTestId('what-if-panel')).toHaveCount(0)
})

test('the follower’s own what-if ends with Escape; the owner’s shared one ends when the owner leaves', async ({ newUser }) => {
  const owner = await newUser('Dr. Mira')
  const response = await owner.request.post('/api/sessions', { data: { name: 'Failure drills', teams: 1, template: THREE_TIER.id } })
  const team = ((await response.json()) as SessionResponse).teams[0]!
  const follower = await newUser('Sam')
  await openBoard(owner, team.instructor)
  await openBoard(follower, team.links.editor)
  await waitForSynced(follower)

  // An editor has no "Show to everyone"; their what-if is their own and Escape ends it.
  await follower.getByTestId('what-if-button').click()
  await follower.getByTestId('what-if-panel').getByRole('checkbox', { name: /^eu-west/ }).check()
  await expect.poll(() => follower.getByTestId('what-if-failed').count()).toBeGreaterThan(2)
  await expect(follower.getByTestId('what-if-share')).toHaveCount(0)
  await follower.keyboard.press('Escape')
  await expect(follower.getByTestId('what-if-panel')).toHaveCount(0)
  await expect(follower.getByTestId('what-if-failed')).toHaveCount(0)

  await owner.getByTestId('what-if-button').click()
  await owner.getByTestId('what-if-panel').getByRole('checkbox', { name: /^Zone a/ }).check()
  await owner.getByTestId('what-if-share').click()
  await expect(follower.getByTestId('what-if-panel')).toBeVisible()
  await owner.close()
  await expect(follower.getByTestId('what-if-panel')).toHaveCount(0)
})
