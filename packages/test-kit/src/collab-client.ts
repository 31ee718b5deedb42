import { HocuspocusProvider } from '@hocuspocus/provider'
import * as Y from 'yjs'
import { boardDocumentName, reviewDocumentName } from '@concord/shared'
import { syncStatus } from './frames.ts'
import { waitFor } from './wait.ts'

export interface TestClient {
  provider: HocuspocusProvider
  doc: Y.Doc
  /** Set when the server refused the connection. */
  refusal: string | null
  /** Updates the server answered with "not applied" (read-only connections). */
  refusedUpdates: number
  destroy(): void
}

/** The collaboration websocket of the server at `httpUrl`. */
export function collabUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/collab`
}

/** A HocuspocusProvider on `board:<id>`, as the web app opens it. */
export function openBoard(httpUrl: string, boardId: string, token: string): TestClient {
  return openDocument(httpUrl, boardDocumentName(boardId), token)
}

/** A HocuspocusProvider on `review:<id>`, the board's review document. */
export function openReview(httpUrl: string, boardId: string, token: string): TestClient {
  return openDocument(httpUrl, reviewDocumentName(boardId), token)
}

export function openDocument(httpUrl: string, documentName: string, token: string): TestClient {
  const doc = new Y.Doc()
  const client: TestClient = {
    doc,
    refusal: null,
    refusedUpdates: 0,
    provider: new HocuspocusProvider({
      url: collabUrl(httpUrl),
      name: documentName,
      document: doc,
      token,
      onAuthenticationFailed: ({ reason }) => {
        client.refusal = reason
      },
    }),
    destroy() {
      client.provider.destroy()
      doc.destroy()
    },
  }
  client.provider.on('message', ({ event }: { event: MessageEvent }) => {
    if (syncStatus(new Uint8Array(event.data as ArrayBuffer)) === false) client.refusedUpdates++
  })
  return client
}

/** Waits until the client's handshake is done (5 s at most); fails at once when the server refuses it. */
export function synced(client: TestClient): Promise<void> {
  return syncedWithin(client, 5000)
}

async function syncedWithin(client: TestClient, timeoutMs: number): Promise<void> {
  await waitFor(
    () => {
      if (client.refusal !== null) throw new Error(`authentication failed: ${client.refusal}`)
      return client.provider.isSynced
    },
    { timeoutMs, what: 'the provider to sync' },
  )
}

/** Waits until the server has acknowledged every local change of the client. */
export async function acknowledged(client: TestClient): Promise<void> {
  await waitFor(() => client.provider.unsyncedChanges === 0, { what: 'the server to acknowledge all changes' })
}

/** A headless client of any document of a board (`board:<id>`, `review:<id>`), resolved once synced. */
export async function connectDocument(httpUrl: string, documentName: string, token: string): Promise<HocuspocusProvider> {
  const client = openDocument(httpUrl, documentName, token)
  try {
    await syncedWithin(client, 15_000)
  } catch (error) {
    client.destroy()
    throw error
  }
  return client.provider
}

/** A headless client of a board over the Hocuspocus websocket, resolved once synced. */
export function connectBoard(httpUrl: string, boardId: string, token: string): Promise<HocuspocusProvider> {
  return connectDocument(httpUrl, boardDocumentName(boardId), token)
}
