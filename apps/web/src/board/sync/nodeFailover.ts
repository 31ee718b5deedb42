import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { nodesResponseSchema } from '@concord/shared'

/** The collaboration websocket URL of a node's base URL (`https://n1` → `wss://n1/collab`). */
export function collabUrl(base: string): string {
  const url = new URL('/collab', base)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  return url.href
}

/**
 * The other nodes the server offers (`GET /api/nodes`), as base URLs; empty behind one
 * load-balanced URL, or when the list cannot be fetched (the socket then keeps its one URL).
 */
export async function fetchNodes(origin: string): Promise<string[]> {
  try {
    const response = await fetch(new URL('/api/nodes', origin))
    if (!response.ok) return []
    return nodesResponseSchema.parse(await response.json()).nodes
  } catch {
    return []
  }
}

/** Hocuspocus' close code when a side heard nothing for too long (the server's, and the provider's forced close). */
const SILENT_CLOSE = 4408

/**
 * Whether a close came from a node that is up and asked for the reconnect itself, with an
 * application code (the lab's resynchronise-after-heal, say): the next attempt goes back to it.
 * A dropped or refused connection (1006), a node going away (1001) or a silent one (no close
 * frame, or 4408) is left for the next node.
 */
function askedToReconnect(code: number | undefined): boolean {
  return code !== undefined && code >= 4000 && code < 5000 && code !== SILENT_CLOSE
}

/**
 * Fails the shared websocket over between server nodes: whenever its connection closes because
 * the node died, went away or could not be reached at all, the next attempt goes to the next
 * node in the list, round robin. Every node serves every board, so leaving a healthy node costs
 * nothing but a resync; a node that closes on purpose (`askedToReconnect`) is kept, so the lab's
 * heal does not move a replica to another node. With one URL (the default: same origin, or a
 * load balancer) nothing changes.
 */
export class NodeFailover {
  private urls: string[]

  constructor(
    private readonly socket: HocuspocusProviderWebsocket,
    urls: string[],
  ) {
    this.urls = unique([socket.configuration.url, ...urls])
    // The provider reads `configuration.url` when it opens the next websocket, after this runs.
    socket.on('close', ({ event }: { event?: { code?: number } }) => {
      if (!askedToReconnect(event?.code)) this.advance()
    })
  }

  /** The websocket URLs in failover order, the current one first. */
  get nodes(): readonly string[] {
    return this.urls
  }

  /** Adds websocket URLs to fail over to (after the current one). */
  add(urls: string[]): void {
    this.urls = unique([...this.urls, ...urls])
  }

  private advance(): void {
    if (this.urls.length < 2) return
    this.urls = [...this.urls.slice(1), this.urls[0]!]
    this.socket.configuration.url = this.urls[0]!
  }
}

function unique(urls: string[]): string[] {
  return [...new Set(urls)]
}
