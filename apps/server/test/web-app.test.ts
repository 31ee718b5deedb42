import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeDir, startServer, tempDir, type TestServer } from './helpers/server.ts'

let server: TestServer
let webDist: string

const INDEX = '<!doctype html><title>Concord</title>'

beforeAll(async () => {
  webDist = tempDir('concord-web-')
  mkdirSync(join(webDist, 'assets'))
  writeFileSync(join(webDist, 'index.html'), INDEX)
  writeFileSync(join(webDist, 'assets', 'index-3f9a1c.js'), 'console.log(1)')
  writeFileSync(join(webDist, 'sw.js'), 'self.skipWaiting()')
  writeFileSync(join(webDist, 'manifest.webmanifest'), '{}')
  server = await startServer({ webDist })
})
afterAll(async () => {
  await server.close()
  removeDir(server.dataDir)
  removeDir(webDist)
})

describe('the built web app', () => {
  it('serves index.html at / and revalidates it on every load', async () => {
    const response = await fetch(`${server.url}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(await response.text()).toBe(INDEX)
  })

  it('caches content-hashed assets for good, and makes browsers revalidate the service worker and manifest', async () => {
    const asset = await fetch(`${server.url}/assets/index-3f9a1c.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    for (const path of ['/sw.js', '/manifest.webmanifest']) {
      const response = await fetch(`${server.url}${path}`)
      const seen = { path, status: response.status, cacheControl: response.headers.get('cache-control') }
      expect(seen).toEqual({ path, status: 200, cacheControl: 'no-cache' })
    }
  })

  it('answers client-side routes such as /b/<id> with index.html', async () => {
    const response = await fetch(`${server.url}/b/AAAAAAAAAAAAAAAAAAAAAA`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(await response.text()).toBe(INDEX)
  })

  it('keeps API, health and collab paths out of the fallback', async () => {
    for (const path of ['/api/unknown', '/collab', '/assets/missing-123.js']) {
      const response = await fetch(`${server.url}${path}`)
      const { error } = (await response.json()) as { error: string }
      expect({ path, status: response.status, error }).toEqual({ path, status: 404, error: 'not_found' })
    }
    expect((await fetch(`${server.url}/healthz`)).headers.get('content-type')).toMatch(/json/)
  })
})
