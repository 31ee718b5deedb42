import type { HocuspocusProvider } from '@hocuspocus/provider'
import { expect, type Page } from '@playwright/test'
import { linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'

/** The awareness field the web app publishes its tldraw presence in (apps/web/src/board/presence). */
const PRESENCE_FIELD = 'presence'

/**
 * Headless teammates and viewers on the board `page` has open, cheap enough to crowd a board on a
 * two-core machine: each is a Yjs client in the test process. Teammates publish a copy of the
 * page's own presence record under their own name, so they show as avatars; they then stay idle
 * (their last activity is the page's, or `lastActivity`, and never changes). Viewers only connect: the server counts them.
 */
export async function crowdBoard(
  page: Page,
  serverUrl: string,
  links: { editor?: string; viewer?: string },
  crowd: { teammates?: string[]; viewers?: number; lastActivity?: number },
): Promise<{ providers: HocuspocusProvider[]; destroy(): void }> {
  const boardId = new URL(page.url()).pathname.split('/')[2]!
  const providers: HocuspocusProvider[] = []
  const own = await page.evaluate(() => (window.__concord!.provider as unknown as { awareness: { getLocalState(): Record<string, unknown> } }).awareness.getLocalState()?.presence)
  expect(own, 'the page publishes its presence').toBeTruthy()
  for (const [index, name] of (crowd.teammates ?? []).entries()) {
    const provider = await connectBoard(serverUrl, boardId, linkToken(links.editor!))
    provider.awareness!.setLocalStateField(PRESENCE_FIELD, {
      ...(own as object),
      userId: `user:headless-${index}`,
      userName: name,
      color: ['#e03131', '#2f9e44', '#1971c2', '#f08c00', '#9c36b5'][index % 5],
      ...(crowd.lastActivity === undefined ? {} : { lastActivityTimestamp: crowd.lastActivity }),
    })
    providers.push(provider)
  }
  for (let index = 0; index < (crowd.viewers ?? 0); index++) providers.push(await connectBoard(serverUrl, boardId, linkToken(links.viewer!)))
  return { providers, destroy: () => providers.forEach((provider) => provider.destroy()) }
}
