import { HocuspocusProvider } from '@hocuspocus/provider'
import { boardDocumentName, createBoardResponseSchema, type CreateBoardResponse } from '@concord/shared'
import * as Y from 'yjs'

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
  const url = new URL('/collab', baseUrl)
  url.protocol = 'ws:'
  const provider = new HocuspocusProvider({
    url: url.href,
    name: boardDocumentName(boardId),
    token,
    document: new Y.Doc(),
  })
  await new Promise<void>((resolve, reject) => {
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
  return provider
}

/** Polls `condition` until it holds or the deadline passes. */
export async function eventually(condition: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
