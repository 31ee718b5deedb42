import { templateRecords, type JsonRecord, type Template } from '@concord/shared'
import type { Page } from '@playwright/test'
import type { TLRecord } from 'tldraw'
import { expectNoSeriousViolations } from '../support/axe.ts'
import { inspectShape, openBoard, openNewBoard, shareLink, waitForEditor, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

/** A browser calls an API that calls a database: one request path, web → api → db. */
const THREE_TIERS: Template = {
  id: 'analysis-e2e',
  name: 'Three tiers',
  description: 'A browser, an API and its database.',
  containers: [],
  components: [
    { ref: 'web', kind: 'web-client', name: 'Browser', x: 0, y: 0, properties: {} },
    { ref: 'api', kind: 'stateless-service', name: 'Orders API', x: 320, y: 0, properties: {} },
    { ref: 'db', kind: 'relational-db', name: 'Orders DB', x: 640, y: 0, properties: { instanceAvailability: 99.9 } },
  ],
  connections: [
    { from: 'web', to: 'api', properties: {} },
    { from: 'api', to: 'db', properties: {} },
  ],
}

const finding = (page: Page, rule: string, shape: string) => page.locator(`[data-testid="finding"][data-rule="${rule}"]`).filter({ hasText: shape })

/** Puts records on the board as a local user change (serialised: the record type is too deep for `evaluate`'s argument typing). */
async function putRecords(page: Page, records: readonly JsonRecord[]): Promise<void> {
  await page.evaluate((json) => window.__concord!.editor.store.put(JSON.parse(json) as TLRecord[]), JSON.stringify(records))
}

async function openAnalysis(page: Page): Promise<void> {
  await page.getByTestId('analysis-button').click()
  await expect(page.getByTestId('analysis-panel')).toBeVisible()
}

test('two users: one annotates, the other’s panel and badges follow; a finding marked not applicable is acknowledged everywhere and undone by its author', async ({ newUser }) => {
  // Three browsers and axe in two colour schemes: more than the default two minutes on a busy machine.
  test.setTimeout(360_000)
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Analysis')
  await waitForSynced(alice)
  const records = templateRecords(THREE_TIERS, 'e2e').filter((record) => record.typeName === 'shape' || record.typeName === 'binding')
  const ids = Object.fromEntries(records.filter((record) => record.type === 'component').map((record) => [String((record.props as { name: string }).name), record.id]))
  await putRecords(alice, records)
  await waitForSynced(alice)

  const bob = await newUser('Bob')
  await openBoard(bob, await shareLink(alice, 'editor'))
  await alice.getByRole('button', { name: 'Done' }).click()
  await openAnalysis(bob)
  const path = bob.getByTestId('path-row')
  await expect(path).toHaveCount(1)
  await expect(path.locator('th')).toHaveText('Browser → Orders API → Orders DB')
  // The API has no availability yet: the path's is unknown, and the findings say why.
  await expect(bob.getByTestId('path-availability')).toHaveText('—')
  await expect(finding(bob, 'missing-property', 'Orders API')).toHaveCount(1)
  await expect(finding(bob, 'spof', 'Orders API')).toHaveCount(1)
  const apiBadge = bob.locator(`[data-testid="analysis-badge"][data-shape="${ids['Orders API']}"]`)
  await expect(apiBadge).toHaveAttribute('data-count', '2')
  await expect(apiBadge).toHaveAttribute('aria-label', /2 open findings, worst: warning\nWarning: “Orders API” is a single point of failure/)

  // Alice gives the API three replicas of 99 %: 99.9999 % for the API, 99.9 % with the database.
  await inspectShape(alice, ids['Orders API']!.slice('shape:'.length))
  for (const [property, value] of [['replicasDesired', '3'], ['instanceAvailability', '99']] as const) {
    const input = alice.getByTestId('inspector').getByTestId(`property-${property}`).locator('input').first()
    await input.fill(value)
    await input.press('Enter')
  }
  await expect(bob.getByTestId('path-availability')).toHaveText('99.9 %')
  await expect(bob.getByTestId('entry-row').filter({ hasText: 'Browser' })).toContainText('8.8 h/yr')
  await expect(finding(bob, 'missing-property', 'Orders API')).toHaveCount(0)
  await expect(finding(bob, 'spof', 'Orders API')).toHaveCount(0)
  await expect(apiBadge).toHaveCount(0)

  // Alice marks the database's single point of failure not applicable; an empty reason is refused.
  await openAnalysis(alice)
  const aliceSpof = finding(alice, 'spof', 'Orders DB')
  await aliceSpof.getByTestId('finding-mark').click()
  await aliceSpof.getByTestId('not-applicable-save').click()
  await expect(aliceSpof.getByTestId('not-applicable-problem')).toContainText('Say why')
  const reason = 'A managed database: the provider replaces a failed instance within minutes.'
  await aliceSpof.getByTestId('not-applicable-justification').fill(reason)
  await aliceSpof.getByTestId('not-applicable-save').click()

  const bobSpof = finding(bob, 'spof', 'Orders DB')
  await expect(bobSpof).toHaveAttribute('data-state', 'acknowledged')
  await expect(bobSpof.getByTestId('finding-justification')).toHaveText(`Not applicable: ${reason}`)
  await expect(bob.locator(`[data-testid="analysis-badge"][data-shape="${ids['Orders DB']}"]`)).toHaveAttribute('data-count', '1')

  // A reviewer sees the acknowledgement and its reason, without the editor's actions.
  const carol = await newUser('Carol')
  await openBoard(carol, await shareLink(alice, 'reviewer'))
  await alice.getByRole('button', { name: 'Done' }).click()
  await openAnalysis(carol)
  await expect(finding(carol, 'spof', 'Orders DB').getByTestId('finding-justification')).toHaveText(`Not applicable: ${reason}`)
  await expect(carol.getByTestId('finding-mark')).toHaveCount(0)
  await expect(carol.getByTestId('finding-reopen')).toHaveCount(0)
  await carol.close()

  await expectNoSeriousViolations(bob, 'the open analysis panel')

  // Alice's undo (her last step) takes the mark away for everyone.
  await alice.keyboard.press('ControlOrMeta+z')
  await expect(bobSpof).toHaveAttribute('data-state', 'open')
  await expect(bobSpof.getByTestId('finding-justification')).toHaveCount(0)
  await expect(aliceSpof).toHaveAttribute('data-state', 'open')
})

test('an empty board says what to do; the badge toggle hides the badges', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Empty analysis')
  await waitForEditor(alice)
  await openAnalysis(alice)
  await expect(alice.getByTestId('analysis-empty')).toContainText('Nothing to analyse yet')
  const records = templateRecords(THREE_TIERS, 'e2e').filter((record) => record.typeName === 'shape' || record.typeName === 'binding')
  await putRecords(alice, records)
  await expect(alice.getByTestId('analysis-badge').first()).toBeVisible()
  await alice.getByTestId('analysis-badges-toggle').uncheck()
  await expect(alice.getByTestId('analysis-badge')).toHaveCount(0)
  await alice.getByTestId('analysis-badges-toggle').check()
  await expect(alice.getByTestId('analysis-badge').first()).toBeVisible()
})
