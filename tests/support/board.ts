import { expect, type Page } from '@playwright/test'
import { RECORDS_KEY } from '@concord/shared'
import type { Editor, TLShapeId } from 'tldraw'

/** What the web app exposes for tests on `window.__concord`. */
interface ConcordHandle {
  editor: Editor
  provider: { unsyncedChanges: number }
  doc: { toJSON(): unknown; getMap(name: string): { has(key: string): boolean } }
  loadMermaid(): Promise<{ parse(text: string): Promise<unknown> }>
}
declare global {
  interface Window {
    __concord?: ConcordHandle
  }
}

/** Creates a board from the home page and returns its owner and editor link paths. */
export async function createBoardFromHome(page: Page, title: string): Promise<{ owner: string; editor: string }> {
  await page.goto('/')
  await page.getByTestId('create-board-title').fill(title)
  await page.getByTestId('create-board-submit').click()
  const owner = await page.getByTestId('board-link-owner').inputValue().catch(() => page.getByTestId('board-link-owner').innerText())
  const editor = await page.getByTestId('board-link-editor').inputValue().catch(() => page.getByTestId('board-link-editor').innerText())
  const path = (link: string) => new URL(link.trim(), page.url()).href.replace(new URL(page.url()).origin, '')
  return { owner: path(owner), editor: path(editor) }
}

/** Creates a board from the home page and opens it with its owner link; returns its link paths. */
export async function openNewBoard(page: Page, title: string): Promise<{ owner: string; editor: string }> {
  const links = await createBoardFromHome(page, title)
  await openBoard(page, links.owner)
  return links
}

/** Opens a board link and waits until the editor is mounted. */
export async function openBoard(page: Page, link: string): Promise<void> {
  await page.goto(link)
  await waitForEditor(page)
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__concord?.editor), undefined, { timeout: 30_000 })
}

/** Waits until the board says it is online with every local change acknowledged. */
export async function waitForSynced(page: Page, timeout = 60_000): Promise<void> {
  const status = page.getByTestId('connection-status')
  await expect(status).toHaveAttribute('data-status', 'online', { timeout })
  await expect(status).toHaveAttribute('data-unsynced', '0', { timeout })
}

/**
 * Waits until the server has acknowledged the shape: it is in the page's Yjs document (the
 * binding writes it a frame after the editor) and no change of the page waits for the server.
 */
export async function waitForAcknowledged(page: Page, id: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ({ recordId, recordsKey }) => {
      const handle = window.__concord
      return !!handle && handle.doc.getMap(recordsKey).has(recordId) && handle.provider.unsyncedChanges === 0
    },
    { recordId: `shape:${id}`, recordsKey: RECORDS_KEY },
    { timeout },
  )
}

/** Creates a rectangle through the editor, as a tool would (a local user change). */
export async function createRectangle(page: Page, id: string, x: number, y: number): Promise<void> {
  await page.evaluate(
    ({ id, x, y }) => {
      window.__concord!.editor.createShape({
        id: `shape:${id}` as TLShapeId,
        type: 'geo',
        x,
        y,
        props: { geo: 'rectangle', w: 120, h: 80 },
      })
    },
    { id, x, y },
  )
}

export async function shapeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...window.__concord!.editor.getCurrentPageShapeIds()].map(String).sort())
}

/** Polls until the page's current page holds exactly (or at least) the given shape ids. */
export async function expectShapes(page: Page, ids: string[], timeout = 30_000): Promise<void> {
  const wanted = ids.map((id) => `shape:${id}`).sort()
  await expect.poll(() => shapeIds(page), { timeout }).toEqual(expect.arrayContaining(wanted))
}

/** Places a library component (a catalog `kind`) through the editor, as the library does. */
export async function createComponent(page: Page, id: string, kind: string, name: string, x: number, y: number): Promise<void> {
  await page.evaluate(
    ({ id, kind, name, x, y }) => {
      window.__concord!.editor.createShape({
        id: `shape:${id}` as TLShapeId,
        type: 'component' as never,
        x,
        y,
        props: { kind, name, w: 180, h: 100, properties: {}, rationale: {} } as never,
      })
    },
    { id, kind, name, x, y },
  )
}

/** Selects a shape through the editor and waits for the inspector to show it. */
export async function inspectShape(page: Page, id: string): Promise<void> {
  await page.evaluate((shapeId) => {
    window.__concord!.editor.select(shapeId as TLShapeId)
  }, `shape:${id}`)
  await expect(page.getByTestId('inspector')).toBeVisible()
}

/** The owner submits the board for review as version `name`, from the review panel's Versions tab. */
export async function submitVersion(owner: Page, name: string): Promise<void> {
  await owner.getByTestId('review-button').click()
  await owner.getByTestId('review-tab-versions').click()
  await owner.getByTestId('version-name').fill(name)
  await owner.getByTestId('version-submit').click()
  await expect(owner.getByTestId('version')).toHaveCount(1)
}

/** The owner shares the reviewer link; a new user, Bob, opens it and starts on the frozen version `name`. */
export async function reviewerOnVersion(owner: Page, newUser: (name: string) => Promise<Page>, name: string): Promise<Page> {
  const reviewerLink = await shareLink(owner, 'reviewer')
  await owner.getByRole('button', { name: 'Done' }).click()
  const reviewer = await newUser('Bob')
  await reviewer.goto(reviewerLink)
  await expect(reviewer.getByTestId('version-banner')).toContainText(`Frozen version “${name}”`)
  return reviewer
}

/** Document-scope records as sorted JSON, to compare replicas. */
export async function documentRecords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const records = window.__concord!.editor.store.allRecords().filter((record) =>
      ['shape', 'page', 'binding', 'asset', 'document'].includes(record.typeName),
    )
    // Keys in a fixed order: replicas that merged the same fields in another order hold the same record.
    const canonical = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(canonical)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]))
          : value
    return JSON.stringify(records.sort((a, b) => a.id.localeCompare(b.id)).map(canonical))
  })
}

/** Alice (owner link) and Bob (editor link) in two browsers on one new board, both synced. */
export async function twoUsersOnNewBoard(
  newUser: (name: string) => Promise<Page>,
  title: string,
): Promise<{ alice: Page; bob: Page; links: { owner: string; editor: string } }> {
  const alice = await newUser('Alice')
  const bob = await newUser('Bob')
  const links = await openNewBoard(alice, title)
  await openBoard(bob, links.editor)
  await waitForSynced(alice)
  await waitForSynced(bob)
  return { alice, bob, links }
}

/** The owner opens the board's share dialog and reads one role's link path from it (the dialog stays open). */
export async function shareLink(owner: Page, role: 'owner' | 'editor' | 'reviewer' | 'viewer'): Promise<string> {
  if (!(await owner.getByTestId('share-dialog').isVisible())) await owner.getByTestId('share-button').click()
  const url = await owner.getByTestId(`share-link-${role}`).inputValue()
  return url.replace(new URL(owner.url()).origin, '')
}
