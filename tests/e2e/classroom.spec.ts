import type { Page } from '@playwright/test'
import type { TLShapeId } from 'tldraw'
import { createRectangle, expectShapes, openBoard, twoUsersOnNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

const camera = (page: Page) => page.evaluate(() => window.__concord!.editor.getCamera())
const isReadonly = (page: Page) => page.evaluate(() => window.__concord!.editor.getIsReadonly())

test('the owner brings everyone to them, locks the board (enforced by the server) and runs a timer that survives a reload', async ({ newUser }) => {
  const { alice, bob, links } = await twoUsersOnNewBoard(newUser, 'Live session')
  const carol = await newUser('Carol')
  await openBoard(carol, links.editor)
  await waitForSynced(carol)

  // Only the owner has the class controls (the server refuses anyone else's commands too).
  await expect(bob.getByTestId('class-controls-button')).toHaveCount(0)

  // Bring everyone to me: both participants' viewports follow the owner's.
  await alice.evaluate(() => {
    window.__concord!.editor.setCamera({ x: -2400, y: -1600, z: 1 })
  })
  await alice.getByTestId('class-controls-button').click()
  await alice.getByTestId('follow-me').click()
  for (const page of [bob, carol]) {
    await expect(page.getByTestId('follow-banner')).toBeVisible()
    await expect.poll(async () => (await camera(page)).x).toBeLessThan(-2000)
  }

  // Lock: the participants' tools turn off, and an edit sent anyway is refused by the server.
  await createRectangle(alice, 'before-lock', 100, 100)
  await expectShapes(bob, ['before-lock'])
  await alice.getByTestId('lock-toggle').click()
  for (const page of [bob, carol]) {
    await expect(page.getByTestId('lock-banner')).toBeVisible()
    await expect.poll(() => isReadonly(page)).toBe(true)
  }
  expect(await isReadonly(alice)).toBe(false)
  // A forged edit: straight into Bob's document, past his read-only editor.
  await bob.evaluate(() => {
    const records = window.__concord!.doc as unknown as { getMap(name: string): { get(id: string): { get(key: string): { set(k: string, v: unknown): void } } } }
    records.getMap('records').get('shape:before-lock').get('props').set('color', 'red')
  })
  await alice.evaluate(() => {
    window.__concord!.editor.updateShape({ id: 'shape:before-lock' as TLShapeId, type: 'geo', x: 300 })
  })
  await waitForSynced(alice)
  await expect.poll(() => carol.evaluate(() => window.__concord!.editor.getShape('shape:before-lock' as TLShapeId)?.x)).toBe(300)
  const colorAt = (page: Page) =>
    page.evaluate(() => {
      const props = window.__concord!.editor.getShape('shape:before-lock' as TLShapeId)?.props as { color?: string } | undefined
      return String(props?.color)
    })
  expect(await colorAt(alice)).toBe('black')
  expect(await colorAt(carol)).toBe('black')

  // Unlock: everyone edits again.
  await alice.getByTestId('lock-toggle').click()
  for (const page of [bob, carol]) await expect.poll(() => isReadonly(page)).toBe(false)
  await expect(bob.getByTestId('lock-banner')).toBeHidden()

  // A ten-minute timer every participant sees, also after a reload.
  await alice.getByTestId('timer-start').click()
  await expect(carol.getByTestId('timer-banner')).toContainText(/Time left \d+:\d\d/)
  await carol.reload()
  await expect(carol.getByTestId('timer-banner')).toContainText(/Time left (10:00|9:\d\d)/)
})

test('the owner puts their cursor in the spotlight and presents the board’s frames; followers see each frame fitted to their window, with no panels', async ({ newUser }) => {
  const { alice, bob } = await twoUsersOnNewBoard(newUser, 'Presentation')
  await alice.evaluate(() => {
    const editor = window.__concord!.editor
    // Frame 2 is drawn after, and over, a region with a component in it (as around a template).
    editor.createShapes([
      { id: 'shape:region' as TLShapeId, type: 'container' as never, x: 2950, y: -50, props: { kind: 'region', name: 'eu-west', w: 600, h: 400 } as never },
      { id: 'shape:db' as TLShapeId, type: 'component' as never, parentId: 'shape:region' as TLShapeId, x: 150, y: 150, props: { kind: 'relational-db', name: 'Orders DB', w: 180, h: 100, properties: {}, rationale: {} } as never },
    ])
    editor.createShapes([
      { id: 'shape:frame-a' as TLShapeId, type: 'frame', x: 0, y: 0, props: { w: 400, h: 300, name: 'Overview' } },
      { id: 'shape:frame-b' as TLShapeId, type: 'frame', x: 3000, y: 0, props: { w: 400, h: 300, name: 'Storage' } },
    ])
  })
  await expectShapes(bob, ['frame-a', 'frame-b', 'db'])

  // Spotlight: Bob sees Alice's cursor enlarged over a highlighted area.
  await alice.getByTestId('class-controls-button').click()
  await alice.getByTestId('spotlight').click()
  await alice.mouse.move(700, 400)
  await alice.mouse.move(720, 420)
  await expect(bob.getByTestId('spotlight-halo')).toBeVisible()

  // Bob's window is not the size of Alice's: the frame must fit his, not be cropped to hers.
  await bob.setViewportSize({ width: 1024, height: 700 })
  const frameOnScreen = (page: typeof alice, id: string) =>
    page.evaluate((shapeId) => {
      const editor = window.__concord!.editor
      const page = editor.getShapePageBounds(shapeId as TLShapeId)!
      const topLeft = editor.pageToViewport({ x: page.minX, y: page.minY })
      const bottomRight = editor.pageToViewport({ x: page.maxX, y: page.maxY })
      return { x: topLeft.x, y: topLeft.y, right: bottomRight.x, bottom: bottomRight.y, width: window.innerWidth, height: window.innerHeight }
    }, id)
  const expectFitted = async (id: string) => {
    await expect
      .poll(async () => {
        const box = await frameOnScreen(bob, id)
        const inside = box.x >= -1 && box.y >= -1 && box.right <= box.width + 1 && box.bottom <= box.height + 1
        const large = box.right - box.x >= 0.8 * box.width || box.bottom - box.y >= 0.8 * box.height
        return inside && large
      })
      .toBe(true)
  }

  // Presenting (from the Class panel, still open): frame by frame; Bob sees each one fitted to his window, nothing else.
  await alice.getByTestId('present').click()
  await expect(alice.getByTestId('presentation-position')).toHaveText('Frame 1 of 2')
  await expect(bob.getByTestId('presentation-watch')).toBeVisible()
  await expectFitted('shape:frame-a')
  await expect(bob.locator('.library')).toHaveCount(0)
  await expect(bob.locator('.board__bar').first()).toBeHidden()
  await expect(bob.locator('.tlui-style-panel')).toHaveCount(0)
  await expect(bob.locator('.tlui-toolbar')).toHaveCount(0)
  await expect(bob.getByTestId('follow-banner')).toBeHidden()

  await alice.getByTestId('presentation-next').click()
  await expect(alice.getByTestId('presentation-position')).toHaveText('Frame 2 of 2')
  await expectFitted('shape:frame-b')
  // Frame 2 shows the component inside the region it was drawn over: the frame is painted first, under it.
  const paintOrder = () => bob.evaluate(() => window.__concord!.editor.getCurrentPageShapesSorted().map((shape) => shape.id))
  await expect.poll(async () => (await paintOrder()).indexOf('shape:frame-b' as TLShapeId)).toBeLessThan((await paintOrder()).indexOf('shape:db' as TLShapeId))
  await bob.screenshot({ path: new URL('../../.tmp/screenshots/follower-presentation.png', import.meta.url).pathname })

  // The browser's own full screen takes a click of Bob's.
  await bob.getByTestId('presentation-fullscreen').click()
  await expect.poll(() => bob.evaluate(() => document.fullscreenElement !== null)).toBe(true)

  await alice.keyboard.press('Escape')
  await expect(alice.getByTestId('presentation-bar')).toBeHidden()
  await expect(bob.getByTestId('presentation-watch')).toBeHidden()
  await expect(bob.locator('.board__bar').first()).toBeVisible()
  await expect.poll(() => bob.evaluate(() => document.fullscreenElement === null)).toBe(true)
})
