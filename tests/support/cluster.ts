import type { Browser, Page } from '@playwright/test'
import { createBoardFromHome, openBoard, waitForSynced } from './board.ts'
import { enterName } from './fixtures.ts'
import { startNodeCluster } from './node-cluster.ts'
import type { ServerProcess } from './server-process.ts'

export { clusterUnavailable } from './node-cluster.ts'

/** A browser of its own on one node's origin; like every browser test's, it may reach 127.0.0.1 only. */
async function userOn(browser: Browser, node: ServerProcess, name: string): Promise<Page> {
  // No service worker, as in every spec that does not test it (playwright.config.ts).
  const context = await browser.newContext({ baseURL: node.url, serviceWorkers: 'block' })
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient')))
  const page = await context.newPage()
  await page.goto('/')
  await enterName(page, name)
  return page
}

export interface TwoNodeBoard {
  nodes: [ServerProcess, ServerProcess]
  /** The owner, whose page and socket are on node 1. */
  alice: Page
  /** An editor, whose page and socket are on node 2. */
  bob: Page
  links: { owner: string; editor: string }
}

/**
 * Starts two nodes, puts Alice (owner) on node 1 and Bob (editor) on node 2 of a new board, both
 * synced, runs `body`, and stops the cluster however it ends.
 */
export async function onTwoNodes(browser: Browser, title: string, body: (board: TwoNodeBoard) => Promise<void>): Promise<void> {
  const { nodes, dispose } = await startNodeCluster(2)
  try {
    const [node1, node2] = nodes as [ServerProcess, ServerProcess]
    const alice = await userOn(browser, node1, 'Alice')
    const links = await createBoardFromHome(alice, title)
    await openBoard(alice, links.owner)
    const bob = await userOn(browser, node2, 'Bob')
    await openBoard(bob, links.editor)
    await Promise.all([waitForSynced(alice), waitForSynced(bob)])
    await body({ nodes: [node1, node2], alice, bob, links })
  } finally {
    await dispose()
  }
}
