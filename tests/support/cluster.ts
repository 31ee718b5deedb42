import type { Browser, Page } from '@playwright/test'
import { createBoardFromHome, openBoard, waitForSynced } from './board.ts'
import { freePort } from '@concord/test-kit/free-port'
import { enterName } from './fixtures.ts'
import { findPostgresBin, PostgresProcess } from './postgres-process.ts'
import { findRedisServer, RedisProcess } from './redis-process.ts'
import { ServerProcess } from './server-process.ts'

const redisServer = findRedisServer()
const postgresBin = findPostgresBin()

/** Why a multi-node browser test cannot run here (outside CI, where .ci/run installs both engines), or null. */
export const clusterUnavailable: string | null =
  redisServer && postgresBin ? null : 'needs redis-server and PostgreSQL (Debian packages), which .ci/run installs'

interface Cluster {
  nodes: ServerProcess[]
  dispose(): Promise<void>
}

/**
 * Server nodes sharing one PostgreSQL and one Redis, each started on a loopback port of its own,
 * and each offering all of them to web clients to fail over to (`CONCORD_NODES`).
 */
async function startCluster(size: number): Promise<Cluster> {
  if (!redisServer || !postgresBin) throw new Error('redis-server or PostgreSQL is not installed (.ci/run installs them)')
  const redis = new RedisProcess()
  const postgres = new PostgresProcess()
  const nodes: ServerProcess[] = []
  const dispose = async () => {
    await Promise.all(nodes.map((node) => node.dispose()))
    await Promise.all([redis.dispose(), postgres.dispose()])
  }
  try {
    await Promise.all([redis.start(redisServer), postgres.start(postgresBin)])
    const ports = await Promise.all(Array.from({ length: size }, () => freePort()))
    const env = {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      CONCORD_SECRET: 'cluster-test-secret-0123456789abcdef',
      CONCORD_NODES: ports.map((port) => `http://127.0.0.1:${port}`).join(','),
    }
    nodes.push(...ports.map((port) => new ServerProcess({ env: { ...env, PORT: String(port) } })))
    await Promise.all(nodes.map((node) => node.start()))
    return { nodes, dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}

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
  const { nodes, dispose } = await startCluster(2)
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
