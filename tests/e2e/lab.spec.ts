import { spawn } from 'node:child_process'
import type { Page } from '@playwright/test'
import type { TLShapeId } from 'tldraw'
import { createComponent, createRectangle, expectShapes, documentRecords, openBoard, twoUsersOnNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'
import { ROOT } from '../support/server-process.ts'

/** The catalog property values of the shared component, as a page holds them. */
async function componentProperties(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(() => {
    const shape = window.__concord!.editor.getShape('shape:shared' as TLShapeId) as { props: { properties: Record<string, unknown> } } | undefined
    return shape ? shape.props.properties : null
  })
}

/** Sets one catalog property of the shared component, as the inspector does. */
async function setProperty(page: Page, id: string, value: unknown): Promise<void> {
  await page.evaluate(
    ({ id, value }) => {
      const editor = window.__concord!.editor
      const shape = editor.getShape('shape:shared' as TLShapeId) as unknown as { props: { properties: Record<string, unknown> } }
      editor.updateShape({ id: 'shape:shared' as TLShapeId, type: 'component', props: { properties: { ...shape.props.properties, [id]: value } } } as never)
    },
    { id, value },
  )
}

/** `pnpm replica` (its script, as the root script runs it) on a board URL; stopped by PID after 60 s at the latest. */
function runReplica(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/replica/src/main.ts', ...args], { cwd: ROOT, stdio: 'ignore' })
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
}

test('the owner partitions a tab from the lab; both sides edit; the lab shows divergence, then convergence after the heal', async ({ newUser }) => {
  const { alice, bob, links } = await twoUsersOnNewBoard(newUser, 'Partition demo')
  // A component from the library: a key-value store both will annotate.
  await createComponent(alice, 'shared', 'kv-store', 'Orders', 100, 100)
  await expectShapes(bob, ['shared'])

  // Alice (the owner) opens the lab in a second tab; it lists the server and every replica.
  const lab = await alice.context().newPage()
  await lab.goto(`${links.owner.replace(/^\/b\/([^#]+)/, '/b/$1/lab')}`)
  await expect(lab.getByTestId('lab')).toBeVisible()
  await expect(lab.getByTestId('lab-server')).toBeVisible()
  const bobCard = lab.getByTestId('lab-replica').filter({ hasText: 'Bob' })
  await expect(bobCard).toBeVisible()
  await expect(lab.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'converged', { timeout: 20_000 })

  // Partition Bob: his tab says so, and both sides annotate different properties of the one component.
  await bobCard.getByTestId('lab-partition').click()
  await expect(bobCard).toHaveAttribute('data-status', 'partitioned')
  await expect(bob.getByTestId('lab-fault-banner')).toBeVisible()
  await setProperty(alice, 'consistency', 'causal')
  await setProperty(bob, 'availability', 99.9)
  await createRectangle(bob, 'bob-partitioned', 600, 300)
  await expect(lab.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'diverged')
  expect(await componentProperties(alice)).toEqual({ consistency: 'causal' })
  expect(await componentProperties(bob)).toEqual({ availability: 99.9 })

  // Heal: the state-vector handshake repairs what was dropped, and the lab measures the convergence.
  await lab.getByTestId('lab-heal-all').click()
  await expect(lab.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'converged', { timeout: 30_000 })
  await expect(lab.getByTestId('lab-converged-after')).toBeVisible()
  await expect(bob.getByTestId('lab-fault-banner')).toBeHidden()
  for (const page of [alice, bob]) {
    await expect.poll(() => componentProperties(page)).toEqual({ consistency: 'causal', availability: 99.9 })
    await expectShapes(page, ['shared', 'bob-partitioned'])
  }
  await waitForSynced(alice)
  await waitForSynced(bob)
  await expect.poll(async () => (await documentRecords(alice)) === (await documentRecords(bob))).toBe(true)
  // The diagram drew the dropped messages.
  await lab.getByTestId('lab-pause').click()
  expect(await lab.locator('[data-fate="dropped"]').count()).toBeGreaterThan(0)
})

test('a headless replica run from a terminal (`pnpm replica <board URL>`) shows up in the lab while it edits', async ({ newUser }) => {
  const { alice, links } = await twoUsersOnNewBoard(newUser, 'Replica demo')
  const lab = await alice.context().newPage()
  await lab.goto(`${links.owner.replace(/^\/b\/([^#]+)/, '/b/$1/lab')}`)
  await expect(lab.getByTestId('lab-server')).toBeVisible()
  const replica = runReplica([new URL(links.owner, alice.url()).href, '--edits', '20', '--rate', '5'])
  await expect(lab.getByTestId('lab-replica').filter({ hasText: 'y-websocket' }).first()).toBeVisible({ timeout: 20_000 })
  expect(await replica).toBe(0)
  // Its components reach the browsers.
  await expect.poll(() => alice.evaluate(() => window.__concord!.editor.getCurrentPageShapes().filter((s) => String(s.id).startsWith('shape:replica-')).length)).toBeGreaterThan(0)
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
