import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { createRectangle, openNewBoard, waitForAcknowledged, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

// The service worker is part of what this spec checks (blocked by default, playwright.config.ts).
test.use({ serviceWorkers: 'allow' })

/** What a page of `page`'s origin gets when it opens `url` as a websocket: 'open' or 'refused'. */
function openWebSocket(page: Page, url: string): Promise<string> {
  return page.evaluate(
    (target) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(target)
        socket.onopen = () => {
          socket.close()
          resolve('open')
        }
        socket.onerror = () => resolve('refused')
      }),
    url,
  )
}

test('every page is served with security headers and runs under its CSP without a violation', async ({ newUser, cspViolations }) => {
  const page = await newUser('Ada')
  const home = await page.goto('/')
  const headers = home!.headers()
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['referrer-policy']).toBe('no-referrer')
  const api = await page.request.get('/api/catalog')
  expect(api.headers()['content-security-policy']).toContain("default-src 'self'")

  // A board: the editor, its fonts and icons, a shape synced through the websocket.
  const links = await openNewBoard(page, 'Under CSP')
  await waitForSynced(page)
  await createRectangle(page, 'csp1', 100, 100)
  await waitForAcknowledged(page, 'csp1')
  await expect(page.locator('.tl-shape[data-shape-type="geo"]')).toHaveCount(1)

  // The replication lab of the board.
  await page.goto(links.owner.replace(/^\/b\/([^#]+)/, '/b/$1/lab'))
  await expect(page.getByTestId('lab')).toBeVisible()

  // A class session's dashboard with its live thumbnails.
  await page.goto('/')
  await page.getByTestId('session-name').fill('CSP class')
  await page.getByTestId('session-teams').fill('2')
  await page.getByTestId('session-submit').click()
  await expect(page.getByTestId('team-card')).toHaveCount(2)
  await expect(page.getByTestId('team-thumbnail').first()).toBeVisible()

  // A page that does not exist.
  await page.goto('/no/such/page')
  await expect(page.locator('body')).not.toBeEmpty()
  expect(cspViolations).toEqual([])
})

test('a page of another origin cannot open the collaboration websocket; the app’s own pages can', async ({ newUser, server }) => {
  // Another site, on another port of the same machine.
  const elsewhere: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Elsewhere</title><p>another site</p>')
  })
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve))
  try {
    const page = await newUser('Mallory')
    const collab = `${server.url.replace(/^http/, 'ws')}/collab`
    expect(await openWebSocket(page, collab)).toBe('open')
    await page.goto(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`)
    expect(await openWebSocket(page, collab)).toBe('refused')
    expect(await openWebSocket(page, `${server.url.replace(/^http/, 'ws')}/yws/AAAAAAAAAAAAAAAAAAAAAA?k=x`)).toBe('refused')
  } finally {
    elsewhere.close()
  }
})
