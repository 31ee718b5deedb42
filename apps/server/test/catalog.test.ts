import { describe, expect, it } from 'vitest'
import { CATALOG, CATALOG_VERSION } from '@concord/shared'
import { testResources } from './helpers/resources.ts'

const { start } = testResources()

describe('GET /api/catalog', () => {
  it('serves the catalog as cacheable JSON', async () => {
    const { url } = await start()
    const response = await fetch(`${url}/api/catalog`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    const body = (await response.json()) as { version: number }
    expect(body).toEqual(CATALOG)
    expect(body.version).toBe(CATALOG_VERSION)
  })

  it('needs no token', async () => {
    const { url } = await start()
    const response = await fetch(`${url}/api/catalog`, { headers: { authorization: 'Bearer nonsense' } })
    expect(response.status).toBe(200)
  })
})
