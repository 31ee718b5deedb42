import { createRectangle, documentRecords, expectShapes, shapeIds, twoUsersOnNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

test('two browsers edit one board live and see each other', async ({ newUser }) => {
  const { alice, bob } = await twoUsersOnNewBoard(newUser, 'Two-phase commit')

  // Bob's page notes when each shape first appears, on the machine's one clock.
  await bob.evaluate(() => {
    const seen: Record<string, number> = {}
    ;(window as unknown as { seenAt: Record<string, number> }).seenAt = seen
    // Fires as the record is put into the store, not a frame later as store listeners do.
    window.__concord!.editor.sideEffects.registerAfterCreateHandler('shape', (shape) => {
      seen[shape.id] ??= Date.now()
    })
  })

  // A rectangle drawn with the mouse on Alice's screen appears on Bob's.
  await alice.getByTestId('tools.rectangle').click()
  await alice.mouse.move(400, 300)
  await alice.mouse.down()
  await alice.mouse.move(520, 380, { steps: 5 })
  await alice.mouse.up()
  await expect.poll(async () => (await shapeIds(bob)).length, { timeout: 10_000 }).toBe(1)

  // Propagation time, browser to browser through the server, over ten shapes.
  const delays: number[] = []
  for (let i = 0; i < 10; i++) {
    const sentAt = await alice.evaluate((i) => {
      window.__concord!.editor.createShape({ id: `shape:probe${i}` as never, type: 'geo', x: 50 * i, y: 650 })
      return Date.now()
    }, i)
    const arrivedAt = () =>
      bob.evaluate((i) => (window as unknown as { seenAt: Record<string, number> }).seenAt[`shape:probe${i}`] ?? null, i)
    await expect.poll(arrivedAt).not.toBeNull()
    delays.push((await arrivedAt())! - sentAt)
  }
  delays.sort((a, b) => a - b)
  const summary = `median ${delays[5]} ms, max ${delays[9]} ms`
  console.info(`propagation browser to browser: ${summary}`)
  test.info().annotations.push({ type: 'propagation', description: summary })

  // Bob's shapes, moves and deletes reach Alice.
  await createRectangle(bob, 'bob1', 100, 100)
  await createRectangle(bob, 'bob2', 700, 100)
  await expectShapes(alice, ['bob1', 'bob2'])
  await bob.evaluate(() => {
    window.__concord!.editor.updateShape({ id: 'shape:bob1' as never, type: 'geo', x: 150, y: 220 })
  })
  await expect
    .poll(() => alice.evaluate(() => window.__concord!.editor.getShape('shape:bob1' as never)?.y))
    .toBe(220)
  await bob.evaluate(() => {
    window.__concord!.editor.deleteShape('shape:bob2' as never)
  })
  await expect.poll(async () => (await shapeIds(alice)).includes('shape:bob2')).toBe(false)

  // An arrow drawn between two shapes arrives bound to both.
  await createRectangle(alice, 'from', 100, 500)
  await createRectangle(alice, 'to', 600, 500)
  await expectShapes(bob, ['from', 'to'])
  const [fromPoint, toPoint] = await alice.evaluate(() => {
    const editor = window.__concord!.editor
    const centre = (id: string) => {
      const bounds = editor.getShapePageBounds(id as never)!
      return editor.pageToScreen({ x: bounds.midX, y: bounds.midY })
    }
    return [centre('shape:from'), centre('shape:to')]
  })
  await alice.getByTestId('tools.arrow').click()
  await alice.mouse.move(fromPoint!.x, fromPoint!.y)
  await alice.mouse.down()
  await alice.mouse.move(toPoint!.x, toPoint!.y, { steps: 10 })
  await alice.mouse.up()
  await expect
    .poll(() =>
      bob.evaluate(() =>
        window.__concord!.editor.store
          .allRecords()
          .filter((r) => r.typeName === 'binding')
          .map((r) => (r as unknown as { toId: string }).toId)
          .sort(),
      ),
    )
    .toEqual(['shape:from', 'shape:to'])

  // A new page arrives too.
  await alice.evaluate(() => {
    window.__concord!.editor.createPage({ name: 'Failure modes' })
  })
  await expect
    .poll(() => bob.evaluate(() => window.__concord!.editor.getPages().map((p) => p.name)))
    .toContain('Failure modes')

  // Cursors, names, colours and selections of the other user.
  await alice.evaluate(() => {
    window.__concord!.editor.select('shape:bob1' as never)
  })
  await alice.mouse.move(640, 360)
  await alice.mouse.move(650, 370)
  await expect
    .poll(() =>
      bob.evaluate(() =>
        window.__concord!.editor.getCollaborators().map((c) => ({
          name: c.userName,
          hasColor: /^#[0-9a-f]{6}$/i.test(c.color),
          hasCursor: c.cursor !== null,
          selected: c.selectedShapeIds.map(String),
        })),
      ),
    )
    .toEqual([{ name: 'Alice', hasColor: true, hasCursor: true, selected: ['shape:bob1'] }])
  await expect
    .poll(() => alice.evaluate(() => window.__concord!.editor.getCollaborators().map((c) => c.userName)))
    .toEqual(['Bob'])

  await waitForSynced(alice)
  await waitForSynced(bob)
  await expect.poll(async () => (await documentRecords(alice)) === (await documentRecords(bob))).toBe(true)
})
