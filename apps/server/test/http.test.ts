import { LinkSigner } from '../src/access/link-signer.ts'
import { describe, expect, it } from 'vitest'
import { apiErrorSchema, BOARD_REFUSAL, createBoardResponseSchema } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { testResources } from './helpers/resources.ts'

const { start } = testResources()

function getBoard(url: string, id: string, token?: string): Promise<Response> {
  return fetch(`${url}/api/boards/${id}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } })
}

describe('GET /healthz', () => {
  it('reports status, uptime and collaboration counts', async () => {
    const { url } = await start()
    const response = await fetch(`${url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number), documents: 0, connections: 0 })
  })
})

describe('security headers', () => {
  it('are on every response, errors included; the CSP lets the app connect to the other nodes', async () => {
    const { url } = await start({ nodes: ['https://n2.example.org'] })
    for (const path of ['/api/catalog', '/healthz', '/api/boards/AAAAAAAAAAAAAAAAAAAAAA', '/api/nope']) {
      const { headers } = await fetch(`${url}${path}`)
      const security = { path, ...Object.fromEntries(['x-content-type-options', 'x-frame-options', 'referrer-policy', 'content-security-policy'].map((name) => [name, headers.get(name)])) }
      expect(security).toMatchObject({
        path,
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': expect.stringMatching(/script-src 'self';.*connect-src 'self' data: blob: https:\/\/n2\.example\.org wss:\/\/n2\.example\.org;.*frame-ancestors 'none'/),
      })
    }
  })
})

describe('POST /api/boards', () => {
  it('creates a board with owner and editor links whose tokens open it', async () => {
    const { url } = await start()
    const response = await fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '  Course project  ' }),
    })
    expect(response.status).toBe(201)
    const board = createBoardResponseSchema.parse(await response.json())
    expect(board.title).toBe('Course project')
    for (const [role, link] of Object.entries(board.links)) {
      expect(link).toMatch(new RegExp(`^/b/${board.id}#k=`))
      const opened = await getBoard(url, board.id, linkToken(link))
      expect(opened.status).toBe(200)
      expect(await opened.json()).toEqual({ id: board.id, title: 'Course project', role, createdAt: expect.any(Number), session: null })
    }
  })

  it('refuses an empty title with the reason', async () => {
    const { url } = await start()
    const response = await fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '   ' }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'invalid_request', message: 'title must not be empty' })
  })

  it('refuses malformed JSON and a missing body with an API error', async () => {
    const { url } = await start()
    for (const body of ['{"title":', undefined]) {
      const response = await fetch(`${url}/api/boards`, {
        method: 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body }),
      })
      expect(response.status).toBe(400)
      expect(apiErrorSchema.parse(await response.json()).error).toBe('invalid_request')
    }
  })

  it('limits board creation per client address', async () => {
    const { url } = await start({ boardCreateLimit: 2 })
    await createBoard(url)
    await createBoard(url)
    const response = await fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'one too many' }),
    })
    expect(response.status).toBe(429)
    const body = apiErrorSchema.parse(await response.json())
    expect(body.error).toBe('rate_limited')
    expect(body.message).toMatch(/try again/)
  })
})

describe('GET /api/boards/:id', () => {
  it('answers the same 404 for unknown boards and every kind of bad link', async () => {
    const secret = 'a test secret of sufficient length'
    const { url, server } = await start({ secret })
    const board = await createBoard(url)
    const other = await createBoard(url, 'Other board')
    const editor = linkToken(board.links.editor)
    const [role, generation, mac] = editor.split('.') as [string, string, string]
    const flipped = (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1)

    // Correctly signed, but for a generation the board is not at (as a rotated link would be).
    const future = new LinkSigner(Buffer.from(secret)).issue(board.id, 'editor', Number(generation) + 1)
    expect((await server.storage.getBoard(board.id))?.linkGenerations.editor).toBe(0)

    const cases: Array<[string, string, string | undefined]> = [
      ['no token', board.id, undefined],
      ['empty bearer', board.id, ''],
      ['garbage token', board.id, 'not-a-token'],
      ['forged mac', board.id, `${role}.${generation}.${flipped}`],
      ['wrong generation', board.id, future],
      ['role swapped', board.id, `owner.${generation}.${mac}`],
      ['token of another board', board.id, linkToken(other.links.owner)],
      ['unknown board', 'AAAAAAAAAAAAAAAAAAAAAA', editor],
      ['malformed board id', 'nope', editor],
    ]
    for (const [label, id, token] of cases) {
      const response = await getBoard(url, id, token)
      const seen = { label, status: response.status, body: await response.json() }
      expect(seen).toEqual({ label, status: 404, body: { error: 'not_found', message: BOARD_REFUSAL } })
    }
  })

  it('never logs the token', async () => {
    const { url, logs } = await start()
    const board = await createBoard(url)
    const token = linkToken(board.links.owner)
    await getBoard(url, board.id, token)
    await getBoard(url, board.id, `${token}x`)
    const mac = token.split('.')[2] ?? ''
    expect(JSON.stringify(logs)).not.toContain(mac)
  })
})

describe('errors and the web app', () => {
  it('answers unknown API routes with a JSON 404', async () => {
    const { url } = await start()
    for (const path of ['/api/nothing', '/api', '/collab']) {
      const response = await fetch(`${url}${path}`)
      const { error } = apiErrorSchema.parse(await response.json())
      expect({ path, status: response.status, error }).toEqual({ path, status: 404, error: 'not_found' })
    }
  })

  it('tells to build the web app when it is missing, and still serves the API', async () => {
    const { url } = await start()
    const page = await fetch(`${url}/`)
    expect(page.status).toBe(503)
    expect(await page.text()).toMatch(/pnpm build/)
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
  })
})
