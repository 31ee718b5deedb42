import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { CATALOG } from '@concord/shared'
import { openBoard, openNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

const SHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname

/** A team board made from `templateId`, through a class session; returns its editor link and id. */
async function templateBoard(page: Page, templateId: string): Promise<{ link: string; boardId: string; token: string }> {
  const response = await page.request.post('/api/sessions', { data: { name: `Design as code ${templateId}`, teams: 1, template: templateId } })
  expect(response.status()).toBe(201)
  const { teams } = (await response.json()) as { teams: Array<{ boardId: string; links: { editor: string } }> }
  const link = teams[0]!.links.editor
  return { link, boardId: teams[0]!.boardId, token: new URL(link, 'http://x').hash.replace('#k=', '') }
}

/** Mermaid's own parser, in the page, as the app loads it: `true`, or the parser's message. */
async function mermaidParse(page: Page, text: string): Promise<true | string> {
  return page.evaluate(async (source) => {
    const mermaid = await window.__concord!.loadMermaid()
    try {
      await mermaid.parse(source)
      return true as const
    } catch (error) {
      return String(error)
    }
  }, text)
}

test('the Mermaid export of a template board downloads from the board menu and every template’s export parses with mermaid.parse', async ({ newUser }) => {
  const alice = await newUser('Alice')
  const { link } = await templateBoard(alice, 'three-tier-web')
  await openBoard(alice, link)
  await waitForSynced(alice)

  await alice.getByTestId('board-menu').click()
  const downloading = alice.waitForEvent('download')
  await alice.getByTestId('board-export-mermaid').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.mmd$/)
  const text = await readFile((await download.path())!, 'utf8')
  expect(text).toContain('flowchart LR')
  expect(await mermaidParse(alice, text)).toBe(true)
  // The other formats download from the same menu, named after the board.
  for (const [format, extension] of [['structurizr', 'dsl'], ['c4-plantuml', 'puml'], ['d2', 'd2']]) {
    await alice.getByTestId('board-menu').click()
    const other = alice.waitForEvent('download')
    await alice.getByTestId(`board-export-${format}`).click()
    expect((await other).suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`))
  }

  // And back: the export imports as the same design, name and kind for name and kind, failure domain for failure domain.
  const threeTier = CATALOG.templates.find((candidate) => candidate.id === 'three-tier-web')!
  const before = await design(alice)
  await alice.getByTestId('board-menu').click()
  await alice.getByTestId('board-import-mermaid').click()
  await alice.getByTestId('import-mermaid-text').fill(text)
  await alice.getByTestId('import-mermaid-submit').click()
  await expect.poll(async () => (await design(alice)).components.length).toBe(2 * threeTier.components.length)
  const after = await design(alice)
  const kinds = (shapes: Array<{ kind?: string; name?: string }>) => shapes.map((shape) => `${shape.name} (${shape.kind})`).sort()
  expect(kinds(after.components)).toEqual(kinds([...before.components, ...before.components]))
  expect(kinds(after.containers)).toEqual(kinds([...before.containers, ...before.containers]))
  expect(after.arrows.map((arrow) => arrow.mode).sort()).toEqual([...before.arrows, ...before.arrows].map((arrow) => arrow.mode).sort())

  for (const template of CATALOG.templates) {
    const board = await templateBoard(alice, template.id)
    const response = await alice.request.get(`/api/boards/${board.boardId}/export/mermaid`, { headers: { Authorization: `Bearer ${board.token}` } })
    expect(response.status()).toBe(200)
    expect(await mermaidParse(alice, await response.text()), template.id).toBe(true)
  }
})

const FLOWCHART = `flowchart LR
  web[Browser] --> api[Orders API]
  subgraph zone[Zone a]
    api --> db[(Postgres)]
  end
  api -.->|order placed| bus[Kafka]`

/** The page's components, containers and arrows with what they bind, after an import. */
async function design(page: Page) {
  return page.evaluate(() => {
    const editor = window.__concord!.editor
    // Concord's own shape types are not in tldraw's type map here: read them as plain records.
    const shapes = editor.getCurrentPageShapes() as unknown as Array<{ id: string; type: string; parentId: string; props: { kind?: string; name?: string }; meta: { connection?: { mode?: string } } }>
    const bindings = editor.store.allRecords().filter((record) => record.typeName === 'binding') as Array<{ fromId: string; toId: string; props: { terminal: string } }>
    return {
      components: shapes.filter((shape) => shape.type === 'component').map((shape) => ({ id: shape.id, kind: shape.props.kind, name: shape.props.name, parent: shape.parentId })),
      containers: shapes.filter((shape) => shape.type === 'container').map((shape) => ({ id: shape.id, kind: shape.props.kind, name: shape.props.name })),
      arrows: shapes
        .filter((shape) => shape.type === 'arrow')
        .map((shape) => ({
          from: bindings.find((binding) => binding.fromId === shape.id && binding.props.terminal === 'start')?.toId,
          to: bindings.find((binding) => binding.fromId === shape.id && binding.props.terminal === 'end')?.toId,
          mode: shape.meta.connection?.mode,
        })),
    }
  })
}

test('a pasted Mermaid flowchart becomes a failure domain, typed components and connections, framed, undone in one step', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await alice.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await openNewBoard(alice, 'Pasted sketch')
  await waitForSynced(alice)
  await alice.evaluate((text) => navigator.clipboard.writeText(text), FLOWCHART)
  await alice.locator('.tl-canvas').click({ position: { x: 400, y: 300 } })
  await alice.keyboard.press('Control+V')

  await expect.poll(async () => (await design(alice)).components.length, { timeout: 30_000 }).toBe(4)
  const { components, containers, arrows } = await design(alice)
  expect(containers).toEqual([expect.objectContaining({ kind: 'zone' })])
  const kafka = components.find((component) => component.kind === 'partitioned-log')!
  const api = components.find((component) => component.kind === 'stateless-service')!
  expect(kafka).toBeDefined()
  expect(components.find((component) => component.kind === 'relational-db')!.parent).toBe(containers[0]!.id)
  expect(arrows).toContainEqual({ from: api.id, to: kafka.id, mode: 'async' })
  expect(arrows).toHaveLength(3)
  // Framed: every imported shape is in view, once the camera's move (animated) has ended.
  const framed = () =>
    alice.evaluate(() => {
      const editor = window.__concord!.editor
      const view = editor.getViewportPageBounds()
      return editor.getCurrentPageShapes().every((shape) => view.contains(editor.getShapePageBounds(shape)!))
    })
  await expect.poll(framed).toBe(true)
  await alice.screenshot({ path: `${SHOTS}design-as-code-pasted.png` })

  await alice.keyboard.press('Control+Z')
  await expect.poll(async () => (await design(alice)).components.length).toBe(0)
  // Text that is not a flowchart still pastes as text.
  await alice.evaluate(() => navigator.clipboard.writeText('Kafka is a log'))
  await alice.locator('.tl-canvas').click({ position: { x: 400, y: 300 } })
  await alice.keyboard.press('Control+V')
  await expect.poll(() => alice.evaluate(() => window.__concord!.editor.getCurrentPageShapes().map((shape) => shape.type))).toEqual(['text'])
})

test('Import Mermaid… shows the parser’s message for a bad flowchart and creates nothing, then imports a good one', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Imported sketch')
  await waitForSynced(alice)
  await alice.getByTestId('board-menu').click()
  await alice.getByTestId('board-import-mermaid').click()
  const dialog = alice.getByTestId('import-mermaid-dialog')
  await dialog.getByTestId('import-mermaid-text').fill('flowchart LR\n  a --> \n  b -->> c')
  await dialog.getByTestId('import-mermaid-submit').click()
  await expect(dialog.getByTestId('import-mermaid-error')).toContainText(/Parse error|Lexical error|Expecting/)
  expect((await design(alice)).components).toEqual([])

  await dialog.getByTestId('import-mermaid-text').fill(FLOWCHART)
  await dialog.getByTestId('import-mermaid-submit').click()
  await expect(dialog).toBeHidden()
  await expect.poll(async () => (await design(alice)).components.map((component) => component.kind).sort()).toEqual(['partitioned-log', 'relational-db', 'stateless-service', 'web-client'])
})
