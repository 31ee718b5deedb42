import { HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { collabUrl, fetchNodes, NodeFailover } from './nodeFailover.ts'

function socketOn(url: string): HocuspocusProviderWebsocket {
  return new HocuspocusProviderWebsocket({ url, autoConnect: false })
}

/** What the provider emits when its websocket closes (by default: dropped, or failed to open). */
function close(socket: HocuspocusProviderWebsocket, code = 1006): void {
  // `emit` is protected: this stands in for the provider's own websocket listener.
  ;(socket as unknown as { emit(event: string, payload: unknown): void }).emit('close', { event: { code, reason: '' } })
}

describe('NodeFailover', () => {
  it('sends the next connection attempt to the next node after each close, round robin', () => {
    const socket = socketOn('ws://n1/collab')
    const failover = new NodeFailover(socket, ['ws://n2/collab', 'ws://n3/collab'])
    expect(failover.nodes).toEqual(['ws://n1/collab', 'ws://n2/collab', 'ws://n3/collab'])
    const used: string[] = []
    for (let i = 0; i < 4; i++) {
      close(socket)
      used.push(socket.url)
    }
    expect(used).toEqual(['ws://n2/collab', 'ws://n3/collab', 'ws://n1/collab', 'ws://n2/collab'])
    socket.destroy()
  })

  it('goes back to a node that closed on purpose (the lab’s heal), and moves on from one that went away or fell silent', () => {
    const socket = socketOn('ws://n1/collab')
    const failover = new NodeFailover(socket, ['ws://n2/collab'])
    close(socket, 4000)
    expect(failover.nodes[0]).toBe('ws://n1/collab')
    expect(socket.url).toBe('ws://n1/collab')
    close(socket, 1001)
    expect(socket.url).toBe('ws://n2/collab')
    close(socket, 4408)
    expect(socket.url).toBe('ws://n1/collab')
    close(socket, 1005)
    expect(socket.url).toBe('ws://n2/collab')
    socket.destroy()
  })

  it('keeps the one URL of a single node or load balancer', () => {
    const socket = socketOn('wss://concord.example.org/collab')
    const failover = new NodeFailover(socket, ['wss://concord.example.org/collab'])
    close(socket)
    expect(failover.nodes).toEqual(['wss://concord.example.org/collab'])
    expect(socket.url).toBe('wss://concord.example.org/collab')
    socket.destroy()
  })

  it('adds nodes learnt later after the current one, without duplicates', () => {
    const socket = socketOn('ws://n1/collab')
    const failover = new NodeFailover(socket, [])
    failover.add(['ws://n1/collab', 'ws://n2/collab'])
    expect(failover.nodes).toEqual(['ws://n1/collab', 'ws://n2/collab'])
    close(socket)
    expect(socket.url).toBe('ws://n2/collab')
    socket.destroy()
  })
})

describe('collabUrl', () => {
  it('maps a node base URL to its websocket, wss for https', () => {
    expect(collabUrl('https://n1.example.org')).toBe('wss://n1.example.org/collab')
    expect(collabUrl('http://127.0.0.1:3000/')).toBe('ws://127.0.0.1:3000/collab')
  })
})

describe('fetchNodes', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('reads GET /api/nodes', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => Response.json({ nodes: ['https://n1.example.org'] }))
    vi.stubGlobal('fetch', fetchMock)
    expect(await fetchNodes('https://concord.example.org')).toEqual(['https://n1.example.org'])
    expect(String(fetchMock.mock.calls[0]?.[0 as never])).toBe('https://concord.example.org/api/nodes')
  })

  it('falls back to no other node when the list cannot be had', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => new Response('gone', { status: 503 })))
    expect(await fetchNodes('https://concord.example.org')).toEqual([])
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => Response.json({ nodes: ['not a url'] })))
    expect(await fetchNodes('https://concord.example.org')).toEqual([])
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => Promise.reject(new TypeError('offline'))))
    expect(await fetchNodes('https://concord.example.org')).toEqual([])
  })
})
