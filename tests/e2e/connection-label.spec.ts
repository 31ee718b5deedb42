import type { TLShapeId } from 'tldraw'
import { createComponent, openNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

test('a connection’s properties show as a short label on its arrow', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Labels')
  await waitForSynced(alice)
  await createComponent(alice, 'api', 'stateless-service', 'API', 100, 200)
  await createComponent(alice, 'db', 'relational-db', 'Orders DB', 600, 200)
  await alice.evaluate(() => {
    window.__concord!.editor.createShape({
      id: 'shape:call' as TLShapeId,
      type: 'arrow',
      x: 280,
      y: 250,
      props: { start: { x: 0, y: 0 }, end: { x: 320, y: 0 } },
      meta: { connection: { protocol: 'grpc', mode: 'async' } },
    })
  })
  const label = alice.getByTestId('connection-label')
  await expect(label).toHaveText('gRPC · asynchronous')
  // Under the middle of the arrow, on screen.
  const arrow = await alice.evaluate(() => {
    const editor = window.__concord!.editor
    const centre = editor.getShapePageBounds('shape:call' as TLShapeId)!.center
    const rect = editor.getContainer().getBoundingClientRect()
    const point = editor.pageToViewport(centre)
    return { x: rect.x + point.x, y: rect.y + point.y }
  })
  const box = (await label.boundingBox())!
  expect(Math.abs(box.x + box.width / 2 - arrow.x)).toBeLessThan(4)
  expect(box.y - arrow.y).toBeGreaterThanOrEqual(0)
  expect(box.y - arrow.y).toBeLessThan(20)
})
