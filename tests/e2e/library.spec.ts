import { CATALOG, findKind, formatPropertyValue, propertiesOf, type PropertyDef } from '@concord/shared'
import type { Page } from '@playwright/test'
import { twoUsersOnNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

interface ComponentView {
  name: string
  kind: string
  properties: Record<string, unknown>
  rationale: Record<string, string>
}

/** The components on the page's current page, by name. */
async function componentsOn(page: Page): Promise<ComponentView[]> {
  return page.evaluate(() =>
    window
      .__concord!.editor.getCurrentPageShapes()
      .filter((shape) => String(shape.type) === 'component')
      .map((shape) => {
        const props = shape.props as unknown as ComponentView
        return { name: props.name, kind: props.kind, properties: props.properties, rationale: props.rationale }
      }),
  )
}

/** Drops or restores the page's websocket (Playwright's offline mode leaves open websockets alone). */
async function setConnected(page: Page, connected: boolean): Promise<void> {
  await page.evaluate((on) => {
    const provider = window.__concord!.provider as unknown as {
      configuration: { websocketProvider: { connect(): unknown; disconnect(): void } }
    }
    if (on) void provider.configuration.websocketProvider.connect()
    else provider.configuration.websocketProvider.disconnect()
  }, connected)
}

// A kind whose first badge property is a number, to type a value (and a wrong one) into.
const kind = CATALOG.kinds.find((k) => {
  const def = propertiesOf(k).find((d) => d.id === k.badge[0])
  return def?.valueType.type === 'number'
})!
const numeric = propertiesOf(kind).find((d) => d.id === kind.badge[0])!
const enums = propertiesOf(kind).filter((d) => d.valueType.type === 'enum')

function enumValue(def: PropertyDef, index: number): { value: string; label: string } {
  if (def.valueType.type !== 'enum') throw new Error(`${def.id} is not an enum`)
  return def.valueType.options[index % def.valueType.options.length]!
}

test('place a component from the library, annotate it in the inspector, and the other browser sees it all', async ({ newUser }) => {
  const { alice, bob } = await twoUsersOnNewBoard(newUser, 'Library')
  await alice.getByTestId(`library-component-${kind.id}`).click()
  const inspector = alice.getByTestId('inspector')
  await expect(inspector.getByRole('heading', { name: kind.label })).toBeVisible()

  await inspector.getByTestId('inspector-name').fill('Orders database')
  await inspector.getByTestId('inspector-name').press('Enter')

  // A value the property cannot take is refused with its reason, and nothing is written.
  const field = inspector.getByTestId(`property-${numeric.id}`)
  await field.getByRole('textbox', { name: numeric.label, exact: true }).fill('lots')
  await field.getByRole('textbox', { name: numeric.label, exact: true }).press('Enter')
  await expect(inspector.getByTestId(`property-${numeric.id}-error`)).toBeVisible()
  await expect(field.getByRole('textbox', { name: numeric.label, exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect.poll(async () => (await componentsOn(bob))[0]?.name).toBe('Orders database')
  expect((await componentsOn(alice))[0]!.properties[numeric.id]).not.toBe('lots')

  // A valid value goes through, with a rationale beside it.
  const valid = numeric.valueType.type === 'number' ? (numeric.valueType.min ?? 0) + 3 : 3
  await field.getByRole('textbox', { name: numeric.label, exact: true }).fill(String(valid))
  await field.getByRole('textbox', { name: numeric.label, exact: true }).press('Enter')
  await expect(inspector.getByTestId(`property-${numeric.id}-error`)).toBeHidden()
  await field.getByTestId(`rationale-${numeric.id}`).fill('Three replicas survive one zone failure.')
  await field.getByTestId(`rationale-${numeric.id}`).blur()

  // Bob sees the name, the value, the rationale and the badge line on the canvas.
  await expect
    .poll(async () => (await componentsOn(bob))[0])
    .toMatchObject({
      name: 'Orders database',
      properties: { [numeric.id]: valid },
      rationale: { [numeric.id]: 'Three replicas survive one zone failure.' },
    })
  await expect(bob.locator('.concord-component__name')).toHaveText('Orders database')
  await expect(bob.locator('.concord-component__badge')).toContainText(formatPropertyValue(numeric, valid))

  // It exports like a built-in shape: the SVG carries its kind, name and badge.
  const svg = await bob.evaluate(async () => {
    const editor = window.__concord!.editor
    return (await editor.getSvgString([...editor.getCurrentPageShapeIds()]))?.svg ?? ''
  })
  expect(svg).toContain('Orders database')
  expect(svg).toContain(kind.label)
  expect(svg).toContain(formatPropertyValue(numeric, valid))
  await waitForSynced(alice)
})

test('two users editing two properties of one component at the same time both keep their edits', async ({ newUser }) => {
  const { alice, bob } = await twoUsersOnNewBoard(newUser, 'Concurrent annotations')
  await alice.getByTestId(`library-component-${kind.id}`).click()
  await expect.poll(async () => (await componentsOn(bob)).length).toBe(1)
  // Shapes take pointer input through the canvas, so click where the component is drawn.
  await bob.locator('.concord-component').click({ force: true })
  await expect(bob.getByTestId('inspector').getByRole('heading', { name: kind.label })).toBeVisible()

  // Bob is cut off while both edit; his edit merges when he is back.
  const [first, second] = [enums[0]!, enums[1] ?? enums[0]!]
  const firstValue = enumValue(first, 1)
  const secondValue = enumValue(second, 2)
  await setConnected(bob, false)
  await expect(bob.getByTestId('connection-status')).not.toHaveAttribute('data-status', 'online')
  await alice.getByTestId(`property-${first.id}`).getByRole('combobox').selectOption(firstValue.value)
  await bob.getByTestId(`property-${second.id}`).getByRole('combobox').selectOption(secondValue.value)
  await bob.getByTestId(`rationale-${second.id}`).fill('Bob’s reason')
  await bob.getByTestId(`rationale-${second.id}`).blur()
  await setConnected(bob, true)

  const expected = { properties: { [first.id]: firstValue.value, [second.id]: secondValue.value }, rationale: { [second.id]: 'Bob’s reason' } }
  for (const page of [alice, bob]) await expect.poll(async () => (await componentsOn(page))[0]).toMatchObject(expected)
  await waitForSynced(alice)
  await waitForSynced(bob)
})

test('insert a template: every component, container and connection reaches the other browser', async ({ newUser }) => {
  const template = CATALOG.templates[0]!
  const { alice, bob } = await twoUsersOnNewBoard(newUser, 'From a template')
  await alice.getByTestId(`library-template-${template.id}`).click()
  await expect.poll(async () => (await componentsOn(bob)).length).toBe(template.components.length)
  const names = (await componentsOn(bob)).map((c) => c.name).sort()
  expect(names).toEqual(template.components.map((c) => c.name).sort())
  const kindsKnown = (await componentsOn(bob)).every((c) => findKind(c.kind) !== undefined)
  expect(kindsKnown).toBe(true)
  await expect
    .poll(() => bob.evaluate(() => window.__concord!.editor.getCurrentPageShapes().filter((s) => s.type === 'arrow').length))
    .toBe(template.connections.length)
  await waitForSynced(alice)
})
