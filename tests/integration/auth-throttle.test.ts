import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boardDocumentName } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { authFrame, isPermissionDenied } from '@concord/test-kit/frames'
import { openRawSocket } from '@concord/test-kit/raw-socket'
import { ServerProcess } from '../support/server-process.ts'

const ATTEMPTS = 14_000

describe('refused link tokens', () => {
  // Behind a proxy on loopback: each test speaks for its own client address.
  const server = new ServerProcess({ env: { TRUST_PROXY: 'loopback' } })
  let board: Awaited<ReturnType<typeof createBoard>>
  beforeAll(async () => {
    await server.start()
    board = await createBoard(server.url, 'Throttled')
  })
  afterAll(() => server.dispose())

  it(`a socket trying token after token is closed within a second, long before ${ATTEMPTS} attempts`, async () => {
    const raw = await openRawSocket(server.url, '/collab', { 'x-forwarded-for': '203.0.113.1' })
    const name = boardDocumentName(board.id)
    let attempts = 0
    // The next guess as soon as the last one is refused, as fast as the server answers.
    const attempt = () => {
      if (raw.isClosed() || attempts >= ATTEMPTS) return
      attempts++
      raw.socket.send(authFrame(name, `editor.0.guess${attempts}`))
    }
    raw.socket.addEventListener('message', (event) => {
      if (isPermissionDenied(new Uint8Array(event.data as ArrayBuffer))) attempt()
    })
    const started = performance.now()
    attempt()
    const outcome = await Promise.race([
      raw.closed.then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 5000)),
    ])
    const ms = performance.now() - started
    console.info(`auth throttle: socket ${outcome} after ${attempts} attempts in ${ms.toFixed(0)} ms`)
    expect(outcome).toBe('closed')
    expect(ms).toBeLessThan(1000)
    expect(attempts).toBeLessThan(ATTEMPTS)
  })

  it('2,000 HTTP requests with bad tokens from one address get 429 with Retry-After; another address and a good link are unaffected', async () => {
    const statuses = new Map<number, number>()
    let retryAfter: string | null = null
    const request = (token: string, address: string) =>
      fetch(new URL(`/api/boards/${board.id}`, server.url), { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address } })
    for (let batch = 0; batch < 2000; batch += 50) {
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => request(`editor.0.bad${batch + i}`, '203.0.113.2')))
      for (const response of responses) {
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
        if (response.status === 429) retryAfter ??= response.headers.get('retry-after')
        await response.arrayBuffer()
      }
    }
    console.info(`auth throttle: HTTP statuses ${JSON.stringify(Object.fromEntries(statuses))}, Retry-After ${retryAfter}`)
    expect(statuses.get(429) ?? 0).toBeGreaterThan(1800)
    expect(Number(retryAfter)).toBeGreaterThan(0)
    // The throttled address may not open websockets either (until the minute is over).
    await expect(openRawSocket(server.url, '/collab', { 'x-forwarded-for': '203.0.113.2' })).rejects.toThrow('websocket refused')
    // The rate-limit key follows TRUST_PROXY: another client behind the same proxy is not throttled.
    expect((await request(linkToken(board.links.editor), '203.0.113.3')).status).toBe(200)
    expect((await request('editor.0.bad', '203.0.113.3')).status).toBe(404)
  })
})
