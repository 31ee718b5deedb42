import { describe, expect, it } from 'vitest'
import { nodesResponseSchema } from '@concord/shared'
import { testResources } from './helpers/resources.ts'

const { start } = testResources()

describe('GET /api/nodes', () => {
  it('lists the configured nodes for the web app to fail over to', async () => {
    const nodes = ['https://n1.example.org', 'https://n2.example.org']
    const { url } = await start({ nodes })
    const response = await fetch(`${url}/api/nodes`)
    expect(response.status).toBe(200)
    expect(nodesResponseSchema.parse(await response.json())).toEqual({ nodes })
  })

  it('lists none on a single node or behind one load-balanced URL', async () => {
    const { url } = await start()
    expect(await (await fetch(`${url}/api/nodes`)).json()).toEqual({ nodes: [] })
  })
})
