import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { boardDocumentName, createBoardResponseSchema, type CreateBoardResponse } from '@concord/shared'
import * as Y from 'yjs'
import { collabUrl, NodeFailover } from '../../apps/web/src/board/sync/nodeFailover.ts'

/** Creates a board through the HTTP API. */
export async function createBoard(baseUrl: string, title: string): Promise<CreateBoardResponse> {
  const response = await fetch(new URL('/api/boards', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`)
  return createBoardResponseSchema.parse(await response.json())
}

/** The token carried in a link path's fragment. */
export function linkToken(link: string): string {
  return decodeURIComponent(link.slice(link.indexOf('#k=') + 3))
}

/** A headless Yjs client of a board over the Hocuspocus websocket, resolved once synced. */
export async function connectBoard(baseUrl: string, boardId: string, token: string): Promise<HocuspocusProvider> {
  return connectDocument(baseUrl, boardDocumentName(boardId), token)
}

/** A headless client of any document of a board (`board:<id>`, `review:<id>`), resolved once synced. */
export async function connectDocument(baseUrl: string, name: string, token: string): Promise<HocuspocusProvider> {
  const provider = new HocuspocusProvider({ url: collabUrl(baseUrl), name, token, document: new Y.Doc() })
  await synced(provider)
  return provider
}

/**
 * A headless client that fails over between `nodes` (base URLs, the first one used first) the
 * way the web app does (`NodeFailover`). `destroy()` closes the provider and its websocket.
 */
export async function connectWithFailover(nodes: string[], boardId: string, token: string) {
  const socket = new HocuspocusProviderWebsocket({ url: collabUrl(nodes[0]!), delay: 200, minDelay: 200, maxDelay: 1000 })
  const failover = new NodeFailover(socket, nodes.map(collabUrl))
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: boardDocumentName(boardId),
    token,
    document: new Y.Doc(),
  })
  provider.attach()
  await synced(provider)
  return {
    provider,
    socket,
    /** The websocket URL the client uses now. */
    current: () => failover.nodes[0],
    destroy() {
      provider.destroy()
      socket.destroy()
    },
  }
}

function synced(provider: HocuspocusProvider): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced within 15 s')), 15_000)
    provider.on('synced', () => {
      clearTimeout(timer)
      resolve()
    })
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      clearTimeout(timer)
      reject(new Error(`authentication failed: ${reason}`))
    })
  })
}

/** Polls `condition` until it holds or the deadline passes. */
export async function eventually(condition: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
