import { describe, expect, it } from 'vitest'
import { BOARD_REFUSAL, MAX_ASSET_BYTES, uploadAssetResponseSchema } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { testResources } from './helpers/resources.ts'

const { start } = testResources()

async function boardWithToken() {
  const server = await start()
  const board = await createBoard(server.url)
  return { ...server, board, token: linkToken(board.links.editor) }
}

function upload(url: string, boardId: string, token: string, type: string, body: Uint8Array | string): Promise<Response> {
  return fetch(`${url}/api/boards/${boardId}/assets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  })
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5])

describe('board assets', () => {
  it('stores an uploaded image and serves it back, cached for good', async () => {
    const { url, board, token } = await boardWithToken()
    const response = await upload(url, board.id, token, 'image/png', PNG)
    expect(response.status).toBe(201)
    const { src } = uploadAssetResponseSchema.parse(await response.json())
    expect(src).toMatch(new RegExp(`^/api/boards/${board.id}/assets/[A-Za-z0-9_-]{22}$`))

    // No token: an <img> cannot send one; the unguessable path is the capability.
    const served = await fetch(`${url}${src}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG)
  })

  it('refuses an upload beyond the board’s quota (413 with the reason); other boards are not affected', async () => {
    const server = await start({ assetQuotaBytes: 3 * 1024 * 1024 })
    const [board, other] = [await createBoard(server.url), await createBoard(server.url)]
    const image = new Uint8Array(1024 * 1024)
    image.set(PNG)
    for (let i = 0; i < 3; i++) expect((await upload(server.url, board.id, linkToken(board.links.editor), 'image/png', image)).status).toBe(201)
    const refused = await upload(server.url, board.id, linkToken(board.links.editor), 'image/png', image)
    expect(refused.status).toBe(413)
    expect(await refused.json()).toMatchObject({ error: 'quota_exceeded', message: expect.stringMatching(/3\.0 MiB of images; its limit is 3 MiB/) })
    expect((await upload(server.url, other.id, linkToken(other.links.editor), 'image/png', image)).status).toBe(201)
  })

  it('serves SVGs under a CSP that blocks script', async () => {
    const { url, board, token } = await boardWithToken()
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    const response = await upload(url, board.id, token, 'image/svg+xml', svg)
    expect(response.status).toBe(201)
    const served = await fetch(`${url}${uploadAssetResponseSchema.parse(await response.json()).src}`)
    expect(served.headers.get('content-type')).toBe('image/svg+xml')
    expect(served.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox")
    expect(await served.text()).toBe(svg)
  })

  it('refuses files above 10 MiB, saying how large the file is', async () => {
    const { url, board, token } = await boardWithToken()
    const bytes = new Uint8Array(Math.round(12.3 * 1024 * 1024))
    const response = await upload(url, board.id, token, 'image/png', bytes)
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({
      error: 'too_large',
      message: 'Images are limited to 10 MiB; this file is 12.3 MiB.',
    })
  })

  it('cuts off an oversized upload sent without a length', async () => {
    const { url, board, token } = await boardWithToken()
    const chunk = new Uint8Array(1024 * 1024)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 12) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const response = await fetch(`${url}/api/boards/${board.id}/assets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({ error: 'too_large', message: 'Images are limited to 10 MiB; this file is larger.' })
  })

  it('accepts a file of exactly 10 MiB', async () => {
    const { url, board, token } = await boardWithToken()
    const response = await upload(url, board.id, token, 'image/png', new Uint8Array(MAX_ASSET_BYTES))
    expect(response.status).toBe(201)
  })

  it('refuses files that are not images', async () => {
    const { url, board, token } = await boardWithToken()
    const response = await upload(url, board.id, token, 'text/plain', 'hello')
    expect(response.status).toBe(415)
    const body = (await response.json()) as { error: string; message: string }
    expect(body.error).toBe('unsupported_type')
    expect(body.message).toContain('text/plain')
  })

  it('answers the uniform 404 to a bad token, storing nothing', async () => {
    const { url, board, token } = await boardWithToken()
    const other = await createBoard(url, 'Other')
    for (const [id, bad] of [
      [board.id, `${token}x`],
      [board.id, linkToken(other.links.owner)],
      ['AAAAAAAAAAAAAAAAAAAAAA', token],
    ] as const) {
      const response = await upload(url, id, bad, 'image/png', PNG)
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ error: 'not_found', message: BOARD_REFUSAL })
    }
  })

  it('answers 404 for assets that do not exist', async () => {
    const { url, board } = await boardWithToken()
    for (const path of [`/api/boards/${board.id}/assets/AAAAAAAAAAAAAAAAAAAAAA`, `/api/boards/${board.id}/assets/x`]) {
      const response = await fetch(`${url}${path}`)
      expect(response.status).toBe(404)
      expect(((await response.json()) as { error: string }).error).toBe('not_found')
    }
  })

  it('limits how many images one address may upload per minute', async () => {
    const { url, board, token } = await boardWithToken()
    const statuses: number[] = []
    for (let i = 0; i < 60; i++) statuses.push((await upload(url, board.id, token, 'image/png', PNG)).status)
    expect(statuses.every((status) => status === 201)).toBe(true)
    const refused = await upload(url, board.id, token, 'image/png', PNG)
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' })
  })
})
