import type { Locator, Page } from '@playwright/test'
import { createComponent, inspectShape, openNewBoard, shareLink, waitForSynced } from '../support/board.ts'
import { crowdBoard } from '../support/crowd.ts'
import { expect, test } from '../support/fixtures.ts'

/** Fails unless the element is shown whole inside the window. */
async function expectInViewport(page: Page, locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible()
  const box = (await locator.boundingBox())!
  const { width, height } = page.viewportSize()!
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0)
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(width)
  expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(height)
}

/** Fails if something else is drawn over the element's centre (it could not be clicked). */
async function expectOnTop(locator: Locator, what: string): Promise<void> {
  const onTop = await locator.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
    return !!hit && element.contains(hit)
  })
  expect(onTop, `${what} is not covered`).toBe(true)
}

test('the top bar fits at 1024×768 with three avatars, two viewers and the inspector open', async ({ newUser, server }) => {
  const alice = await newUser('Alice')
  await alice.setViewportSize({ width: 1024, height: 768 })
  const links = await openNewBoard(alice, 'Payments platform design')
  await waitForSynced(alice)
  const viewer = await shareLink(alice, 'viewer')
  await alice.getByRole('button', { name: 'Done' }).click()
  const crowd = await crowdBoard(alice, server.url, { editor: links.editor, viewer }, { teammates: ['Bob', 'Carol', 'Dave'], viewers: 2 })
  try {
    await createComponent(alice, 'db', 'relational-db', 'Orders DB', 300, 300)
    await inspectShape(alice, 'db')
    await expect(alice.getByTestId('viewer-count')).toHaveText('+2 viewers')
    await expect(alice.getByTestId('people-menu').locator('.people-menu__face')).toHaveCount(3)

    for (const [testId, what] of [
      ['share-button', 'Share'],
      ['board-menu', 'the board menu'],
      ['review-button', 'Review'],
      ['analysis-button', 'Analysis'],
      ['design-button', 'Design'],
      ['what-if-button', 'What-if'],
      ['class-controls-button', 'Class'],
      ['people-menu', 'the people menu'],
      ['board-title', 'the title'],
    ] as const) {
      await expectInViewport(alice, alice.getByTestId(testId), what)
      await expectOnTop(alice.getByTestId(testId), what)
    }

    // The offline switch and the lab are in the board menu at this width; offline, "Go online" is reachable there.
    await alice.getByTestId('board-menu').click()
    await alice.getByTestId('board-menu-offline').click()
    await expect(alice.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
    await alice.getByTestId('board-menu').click()
    await expect(alice.getByTestId('board-menu-offline')).toHaveText('Go online')
    await expectOnTop(alice.getByTestId('board-menu-offline'), 'Go online')
    await alice.getByTestId('board-menu-offline').click()
    await waitForSynced(alice)

    // Wider, the offline switch sits in the bar, and tldraw's style panel stays clear of the inspector.
    await alice.setViewportSize({ width: 1440, height: 900 })
    await expectInViewport(alice, alice.getByTestId('offline-toggle'), 'the offline switch')
    await alice.getByTestId('offline-toggle').click()
    await expect(alice.getByTestId('offline-toggle')).toHaveAttribute('aria-label', 'Go online')
    await expectOnTop(alice.getByTestId('offline-toggle'), 'Go online')
    await alice.getByTestId('offline-toggle').click()
    const stylePanel = (await alice.locator('.tlui-style-panel').boundingBox())!
    const inspector = (await alice.getByTestId('inspector').boundingBox())!
    expect(stylePanel.x + stylePanel.width).toBeLessThanOrEqual(inspector.x)
    await expectInViewport(alice, alice.getByTestId('share-button'), 'Share at 1440')
  } finally {
    crowd.destroy()
  }
})

/** Which part of the board page holds the focus. */
function focusedRegion(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return 'none'
    const testId = element.getAttribute('data-testid')
    if (testId && ['review-button', 'class-controls-button', 'share-button', 'board-menu', 'skip-to-inspector'].includes(testId)) return testId
    if (element.closest('.library')) return 'library'
    if (element.closest('.inspector')) return 'inspector'
    if (element.closest('.board__canvas')) return 'canvas'
    if (element.closest('.board__bar')) return 'bar'
    return 'other'
  })
}

test('Tab goes from the library through the canvas to the inspector, Review, Class and Share; a skip link reaches the inspector', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Keyboard board')
  await waitForSynced(alice)
  await createComponent(alice, 'db', 'relational-db', 'Orders DB', 300, 300)
  await inspectShape(alice, 'db')

  // With a shape selected, tldraw takes Tab for itself; keyboard users must still get through.
  await alice.getByPlaceholder('Search components').focus()
  const firstVisit = new Map<string, number>()
  for (let step = 0; step < 200 && !firstVisit.has('share-button'); step++) {
    const region = await focusedRegion(alice)
    if (!firstVisit.has(region)) firstVisit.set(region, step)
    await alice.keyboard.press('Tab')
  }
  const order = ['library', 'canvas', 'inspector', 'review-button', 'class-controls-button', 'share-button']
  for (const region of order) expect(firstVisit.has(region), `Tab reaches ${region} (visited: ${[...firstVisit.keys()].join(', ')})`).toBe(true)
  const steps = order.map((region) => firstVisit.get(region)!)
  expect(steps, 'visited in order').toEqual([...steps].sort((a, b) => a - b))
  // The shape stayed selected: Tab moved the focus, not the selection.
  expect(await alice.evaluate(() => window.__concord!.editor.getSelectedShapeIds())).toEqual(['shape:db'])

  // Shift+Tab goes back through the bar without sticking on the lab button.
  await alice.getByTestId('open-lab').focus()
  await alice.keyboard.press('Shift+Tab')
  await expect(alice.getByTestId('open-lab')).not.toBeFocused()
  await alice.keyboard.press('Shift+Tab')
  await expect(alice.getByTestId('offline-toggle')).not.toBeFocused()

  // The skip link is the page's first stop, before the bar; following it puts the focus in the inspector.
  await alice.getByRole('link', { name: 'All boards' }).focus()
  await alice.keyboard.press('Shift+Tab')
  await expect(alice.getByTestId('skip-to-inspector')).toBeFocused()
  await expect(alice.getByTestId('skip-to-inspector')).toBeInViewport()
  await alice.keyboard.press('Enter')
  await expect(alice.getByTestId('inspector')).toBeFocused()
  await alice.keyboard.press('Tab')
  expect(await focusedRegion(alice)).toBe('inspector')
})
