import { openNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

test('a pasted image is uploaded to the asset store, not inlined', async ({ newUser, server }) => {
  const alice = await newUser('Alice')
  const links = await openNewBoard(alice, 'Diagrams')
  await waitForSynced(alice)
  const boardId = links.owner.split('/')[2]!.split('#')[0]!

  await alice.locator('.tl-canvas').click({ position: { x: 600, y: 400 } })
  await alice.evaluate(async () => {
    const canvas = document.createElement('canvas')
    canvas.width = 64
    canvas.height = 48
    const context = canvas.getContext('2d')!
    context.fillStyle = '#2a7ae2'
    context.fillRect(0, 0, 64, 48)
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'))
    const data = new DataTransfer()
    data.items.add(new File([blob], 'diagram.png', { type: 'image/png' }))
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })

  const src = await expect
    .poll(
      () =>
        alice.evaluate(() => {
          const assets = window.__concord!.editor.getAssets()
          const images = window.__concord!.editor.getCurrentPageShapes().filter((s) => s.type === 'image')
          return images.length === 1 && assets.length === 1 ? String(assets[0]!.props.src) : null
        }),
      { timeout: 20_000 },
    )
    .toMatch(new RegExp(`^/api/boards/${boardId}/assets/`))
    .then(() => alice.evaluate(() => String(window.__concord!.editor.getAssets()[0]!.props.src)))

  const response = await fetch(new URL(src, server.url))
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('image/png')
  await waitForSynced(alice)
  const inlined = await alice.evaluate(() => JSON.stringify(window.__concord!.doc.toJSON()).includes('data:image'))
  expect(inlined).toBe(false)
})
