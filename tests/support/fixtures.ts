import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { ServerProcess } from './server-process.ts'

export interface Fixtures {
  /** Extra environment for the test's server (`test.use({ serverEnv: { ... } })`). */
  serverEnv: Record<string, string>
  /** A real Concord server on 127.0.0.1 with a temporary data directory, stopped after the test. */
  server: ServerProcess
  /** Opens a fresh browser context (its own storage, like a second browser) guarded to 127.0.0.1. */
  newUser: (name: string) => Promise<Page>
  /** Every URL any page of the test requested. */
  requestedUrls: string[]
  /** Every Content-Security-Policy violation any page of the test reported. */
  cspViolations: string[]
}

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true
  return hostname === '127.0.0.1'
}

export const test = base.extend<Fixtures>({
  // Playwright requires the destructuring pattern even for fixtures without dependencies.
  // oxlint-disable-next-line no-empty-pattern
  requestedUrls: async ({}, use) => {
    await use([])
  },
  // oxlint-disable-next-line no-empty-pattern
  cspViolations: async ({}, use) => {
    await use([])
  },
  serverEnv: [{}, { option: true }],
  server: async ({ serverEnv }, use) => {
    const server = new ServerProcess({ env: serverEnv })
    await server.start()
    await use(server)
    await server.dispose()
  },
  newUser: async ({ browser, server, requestedUrls, cspViolations, serviceWorkers }, use) => {
    const contexts: BrowserContext[] = []
    await use(async (name: string) => {
      const context = await browser.newContext({ baseURL: server.url, serviceWorkers })
      contexts.push(context)
      // Fail (and record) any request to a host other than our own server.
      await context.route('**/*', (route) => {
        const url = route.request().url()
        requestedUrls.push(url)
        return isLoopback(url) ? route.continue() : route.abort('blockedbyclient')
      })
      // Requests made by the service worker bypass routing; record them too.
      context.on('request', (request) => requestedUrls.push(request.url()))
      // The server's CSP is on for every page: any violation (reported by the page, or logged) fails the test.
      await context.exposeBinding('__reportCspViolation', (_source, text: string) => cspViolations.push(text))
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation
          report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`)
        })
      })
      const page = await context.newPage()
      page.on('pageerror', (error) => console.error(`[${name}] page error:`, error.message))
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
      })
      await page.goto('/')
      await enterName(page, name)
      return page
    })
    for (const context of contexts) await context.close()
    const external = requestedUrls.filter((url) => !isLoopback(url))
    expect(external, 'requests to hosts other than 127.0.0.1').toEqual([])
    expect(cspViolations, 'Content-Security-Policy violations').toEqual([])
  },
})

export { expect }

/** Answers the first-visit name prompt. */
export async function enterName(page: Page, name: string): Promise<void> {
  await page.getByTestId('name-input').fill(name)
  await page.getByTestId('name-submit').click()
  await expect(page.getByTestId('name-prompt')).toBeHidden()
}
