import type { ThreadAnchor } from '@concord/shared'
import { act } from 'react'
import type { TLStore } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadBoardVersion } from '../review/versionStore.ts'
import { ORDERS_DB, storeWithOrdersDb } from '../test/ordersDb.ts'
import { testRoot } from '../test/reactRoot.ts'
import { useAnchorNames } from './useAnchorNames.ts'

vi.mock('../review/versionStore.ts', () => ({ loadBoardVersion: vi.fn<typeof loadBoardVersion>() }))
const load = vi.mocked(loadBoardVersion)

const ANCHOR: ThreadAnchor = { kind: 'property', shapeId: ORDERS_DB, property: 'properties.consistency' }
const ANCHORS = [ANCHOR]
let named: Array<string | undefined | null> = []

function Probe() {
  const nameOf = useAnchorNames('board-1', 'version-1', 'token-1', ANCHORS)
  named.push(nameOf && nameOf(ANCHOR))
  return null
}

describe('useAnchorNames', () => {
  const root = testRoot()
  afterEach(() => {
    root.unmount()
    named = []
    load.mockReset()
  })

  it('names nothing while the version loads, then names the anchors on it', async () => {
    let resolve: (store: TLStore) => void = () => {}
    load.mockReturnValue(new Promise((done) => (resolve = done)))
    root.render(<Probe />)
    expect(load).toHaveBeenCalledWith('board-1', 'token-1', 'version-1')
    expect(named.at(-1)).toBeNull()
    await act(async () => resolve(storeWithOrdersDb()))
    expect(named.at(-1)).toBe('Orders DB (Replicated relational DB) · Consistency model')
  })

  it('names nothing when the version cannot be loaded, so the caller keeps the kinds', async () => {
    load.mockRejectedValue(new Error('version not found'))
    root.render(<Probe />)
    // Lets the rejected load settle.
    await act(async () => {})
    expect(load).toHaveBeenCalledTimes(1)
    expect(named.at(-1)).toBeNull()
  })
})
