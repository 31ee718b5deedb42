import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { waitFor } from '@concord/test-kit/wait'

export interface YwsClient {
  provider: WebsocketProvider
  doc: Y.Doc
  destroy(): void
}

/** A stock y-websocket client on `/yws/<board id>`, connected with a link token in `k`. */
export function openYws(httpUrl: string, boardId: string, token: string): YwsClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${httpUrl.replace(/^http/, 'ws')}/yws`, boardId, doc, { params: { k: token } })
  return {
    provider,
    doc,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function ywsSynced(client: YwsClient): Promise<void> {
  await waitFor(() => client.provider.synced, { what: 'the y-websocket client to sync' })
}
