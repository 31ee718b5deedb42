import type { TLShapeId } from 'tldraw'
import { createComponent, openNewBoard, reviewerOnVersion, submitVersion, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

test('a reviewer on a frozen version inspects a component: its properties and rationales, read-only', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Frozen inspector')
  await createComponent(alice, 'db', 'relational-db', 'Orders DB', 200, 200)
  await alice.evaluate(() => {
    window.__concord!.editor.updateShape({
      id: 'shape:db' as TLShapeId,
      type: 'component' as never,
      props: { properties: { replication: 'consensus' }, rationale: { replication: 'No lost writes on failover' } } as never,
    })
  })
  await waitForSynced(alice)
  await submitVersion(alice, 'Milestone 1')

  const bob = await reviewerOnVersion(alice, newUser, 'Milestone 1')
  // A click on the card, as a reviewer would (tldraw's shapes take no pointer events themselves).
  const card = (await bob.locator('.tl-shape[data-shape-type="component"]').boundingBox())!
  await bob.mouse.click(card.x + card.width / 2, card.y + card.height / 2)
  const inspector = bob.getByTestId('inspector')
  await expect(inspector).toBeVisible()
  await expect(inspector).toContainText('Orders DB')
  const replication = inspector.getByTestId('property-replication')
  await expect(replication.locator('select')).toHaveValue('consensus')
  await expect(replication.locator('textarea')).toHaveValue('No lost writes on failover')
  await expect(replication.locator('select')).toBeDisabled()
  await expect(replication.locator('textarea')).toBeDisabled()
})
