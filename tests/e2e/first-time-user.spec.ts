import { fileURLToPath } from 'node:url'
import { CATALOG } from '@concord/shared'
import type { Page } from '@playwright/test'
import {
  createComponent,
  createRectangle,
  openBoard,
  openNewBoard,
  shareLink,
  submitVersion,
  waitForEditor,
  waitForSynced,
} from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

const SHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname
/** A real tldraw v1 file: one of tldraw's own test fixtures, shipped in the installed package. */
const V1_FILE = fileURLToPath(new URL('../../apps/web/node_modules/tldraw/src/lib/utils/tldr/test-fixtures/arrow-binding.tldr', import.meta.url))

interface Box {
  id: string
  x: number
  y: number
  w: number
  h: number
}

/** Page bounds of the current page's shapes (of one type if given), and of the view. */
async function layout(page: Page, type?: string): Promise<{ shapes: Box[]; view: Box }> {
  return page.evaluate((only) => {
    const editor = window.__concord!.editor
    const box = (id: string, b: { x: number; y: number; w: number; h: number }) => ({ id, x: b.x, y: b.y, w: b.w, h: b.h })
    const shapes = editor
      .getCurrentPageShapes()
      .filter((shape) => !only || String(shape.type) === only)
      .map((shape) => box(shape.id, editor.getShapePageBounds(shape)!))
    return { shapes, view: box('view', editor.getViewportPageBounds()) }
  }, type)
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

function inside(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.w <= outer.x + outer.w + 0.5 && inner.y + inner.h <= outer.y + outer.h + 0.5
}

/** The lab of a board, opened from its owner link in another tab of the owner's browser. */
async function openLab(owner: Page, ownerLink: string): Promise<Page> {
  const lab = await owner.context().newPage()
  await lab.goto(ownerLink.replace(/^\/b\/([^#]+)/, '/b/$1/lab'))
  await expect(lab.getByTestId('lab')).toBeVisible()
  return lab
}

/** The tab says it is online and saved, and the server has acknowledged everything it wrote. */
async function expectSaved(page: Page): Promise<void> {
  const status = page.getByTestId('connection-status')
  await expect(status).toHaveAttribute('data-status', 'online')
  await expect(status).toHaveAttribute('data-not-saved', 'false')
  await expect(status).toHaveAttribute('data-unsynced', '0')
  expect(await page.evaluate(() => window.__concord!.provider.unsyncedChanges)).toBe(0)
}

test('viewer and reviewer tabs stay saved, and the lab stays converged with them open', async ({ newUser }) => {
  const alice = await newUser('Alice')
  const links = await openNewBoard(alice, 'Read-only tabs')
  await createRectangle(alice, 'box', 100, 100)
  await waitForSynced(alice)
  await submitVersion(alice, 'Draft')
  const viewerLink = await shareLink(alice, 'viewer')
  const reviewerLink = await shareLink(alice, 'reviewer')
  await alice.getByRole('button', { name: 'Done' }).click()
  const lab = await openLab(alice, links.owner)

  const vera = await newUser('Vera')
  await openBoard(vera, viewerLink)
  // The reviewer starts on the frozen version and goes back to the live board.
  const rita = await newUser('Rita')
  await rita.goto(reviewerLink)
  await expect(rita.getByTestId('version-banner')).toBeVisible()
  await rita.getByTestId('back-to-live').click()
  await waitForEditor(rita)

  for (const name of ['Vera', 'Rita']) await expect(lab.getByTestId('lab-replica').filter({ hasText: name })).toBeVisible({ timeout: 20_000 })
  await expect(lab.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'converged', { timeout: 20_000 })
  for (const page of [vera, rita, alice]) await expectSaved(page)
  // Nothing waits for the server in any tab, so "Not saved" has nothing to show later either.
  await expect(lab.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'converged')
  await vera.screenshot({ path: `${SHOTS}first-time-viewer-saved.png` })
  await lab.screenshot({ path: `${SHOTS}first-time-lab-converged.png` })
})

const kind = CATALOG.kinds[0]!

test('a real mouse drag from the library places a component at the drop point', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Drag and drop')
  await waitForSynced(alice)
  const canvas = await alice.locator('.tl-canvas').boundingBox()
  const drop = { x: Math.round(canvas!.width * 0.7), y: Math.round(canvas!.height * 0.4) }
  // Where the drop point is on the page now: once placed and selected, the inspector opens and the camera may follow.
  const expected = await alice.evaluate((point) => window.__concord!.editor.screenToPage(point), { x: canvas!.x + drop.x, y: canvas!.y + drop.y })
  await alice.getByTestId(`library-component-${kind.id}`).dragTo(alice.locator('.tl-canvas'), { targetPosition: drop })

  await expect.poll(async () => (await layout(alice, 'component')).shapes.length).toBe(1)
  const [placed] = (await layout(alice, 'component')).shapes
  expect(Math.abs(placed!.x + placed!.w / 2 - expected.x)).toBeLessThan(2)
  expect(Math.abs(placed!.y + placed!.h / 2 - expected.y)).toBeLessThan(2)
})

test('three clicks place three components side by side in view, none on another', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Three clicks')
  await waitForSynced(alice)
  const item = alice.getByTestId(`library-component-${kind.id}`)
  await item.click()
  await item.click()
  // By keyboard, as a teammate without a mouse would.
  await item.focus()
  await alice.keyboard.press('Enter')

  await expect.poll(async () => (await layout(alice, 'component')).shapes.length).toBe(3)
  const { shapes, view } = await layout(alice, 'component')
  for (const [i, a] of shapes.entries()) {
    expect(inside(view, a), `${a.id} in view`).toBe(true)
    for (const b of shapes.slice(i + 1)) expect(overlaps(a, b), `${a.id} over ${b.id}`).toBe(false)
  }
  await alice.screenshot({ path: `${SHOTS}first-time-three-clicks.png` })
})

test('a template lands beside the existing shapes, in view', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Template beside')
  await waitForSynced(alice)
  // An existing component in the middle of the view, where a template used to land.
  const centre = await alice.evaluate(() => window.__concord!.editor.getViewportPageBounds().center.toJson())
  await createComponent(alice, 'mine', kind.id, 'Mine', centre.x - 90, centre.y - 50)
  const template = CATALOG.templates[0]!
  await alice.getByTestId(`library-template-${template.id}`).click()

  await expect.poll(async () => (await layout(alice)).shapes.length).toBeGreaterThan(template.components.length)
  // The camera move to the template is animated: wait until all of it is in view.
  await expect
    .poll(async () => {
      const { shapes, view } = await layout(alice)
      return shapes.filter((shape) => shape.id !== 'shape:mine' && !inside(view, shape)).map((shape) => ({ ...shape, view }))
    })
    .toEqual([])
  const { shapes } = await layout(alice)
  const mine = shapes.find((shape) => shape.id === 'shape:mine')!
  const inserted = shapes.filter((shape) => shape.id !== 'shape:mine')
  // Beside it: the template as a whole (not only each of its shapes) leaves the component alone.
  const group: Box = {
    id: 'template',
    x: Math.min(...inserted.map((b) => b.x)),
    y: Math.min(...inserted.map((b) => b.y)),
    w: Math.max(...inserted.map((b) => b.x + b.w)) - Math.min(...inserted.map((b) => b.x)),
    h: Math.max(...inserted.map((b) => b.y + b.h)) - Math.min(...inserted.map((b) => b.y)),
  }
  expect(overlaps(mine, group), 'the template over the existing component').toBe(false)
  await alice.screenshot({ path: `${SHOTS}first-time-template-beside.png` })
})

test('a template team board opens framed: the whole design in view', async ({ newUser }) => {
  const student = await newUser('Sam')
  const template = CATALOG.templates.find((t) => t.components.length >= 6) ?? CATALOG.templates[0]!
  const response = await student.request.post('/api/sessions', { data: { name: 'Framing', teams: 1, template: template.id } })
  expect(response.status()).toBe(201)
  const session = (await response.json()) as { teams: Array<{ links: { editor: string } }> }
  await openBoard(student, session.teams[0]!.links.editor)
  await waitForSynced(student)
  const { shapes, view } = await layout(student)
  expect(shapes.length).toBeGreaterThan(template.components.length)
  for (const shape of shapes) expect(inside(view, shape), `${shape.id} in view`).toBe(true)
  await student.screenshot({ path: `${SHOTS}first-time-team-board-framed.png` })
})

test('a tldraw v1 .tldr file imports as a new board, converted by tldraw and framed', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await alice.goto('/')
  await alice.getByTestId('import-board-file').setInputFiles(V1_FILE)
  await waitForEditor(alice)
  await waitForSynced(alice)
  await expect(alice.getByTestId('board-title')).toHaveText('arrow-binding')
  const { shapes, view } = await layout(alice)
  const types = await alice.evaluate(() => window.__concord!.editor.getCurrentPageShapes().map((shape) => shape.type).sort())
  expect(types).toEqual(['arrow', 'geo', 'geo'])
  const bindings = await alice.evaluate(() => window.__concord!.editor.store.allRecords().filter((record) => record.typeName === 'binding').length)
  expect(bindings).toBe(2)
  for (const shape of shapes) expect(inside(view, shape), `${shape.id} in view`).toBe(true)
  await alice.screenshot({ path: `${SHOTS}first-time-v1-import.png` })
})
