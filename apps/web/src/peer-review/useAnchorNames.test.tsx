import type { ThreadAnchor } from '@concord/shared'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import type { TLShapeId, TLStore } from 'tldraw'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadBoardVersion } from '../review/versionStore.ts'
import { createHeadlessEditor, createTestStore } from '../test/headlessEditor.ts'
import { useAnchorNames } from './useAnchorNames.ts'

vi.mock('../review/versionStore.ts', () => ({ loadBoardVersion: vi.fn<typeof loadBoardVersion>() }))
const load = vi.mocked(loadBoardVersion)

const ANCHORS: ThreadAnchor[] = [{ kind: 'property', shapeId: 'shape:db', property: 'properties.consistency' }]
let named: Array<string | undefined | null> = []

function Probe() {
  const nameOf = useAnchorNames('board-1', 'version-1', 'token-1', ANCHORS)
  named.push(nameOf && nameOf(ANCHORS[0]!))
  return null
}

function storeWithDb(): TLStore {
  const store = createTestStore()
  const editor = createHeadlessEditor(store)
  editor.createShape({
    id: 'shape:db' as TLShapeId,
    type: 'component',
    props: { kind: 'relational-db', name: 'Orders DB', w: 180, h: 100, properties: {}, rationale: {} },
  })
  editor.dispose()
  return store
}

describe('useAnchorNames', () => {
  let root: Root | null = null
  beforeAll(() => {
    // Tells React this is a test environment, where `act` flushes effects and updates.
    Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })
  })
  afterEach(() => {
    act(() => root?.unmount())
    root = null
    named = []
    load.mockReset()
  })

  const render = () =>
    act(() => {
      root = createRoot(document.createElement('div'))
      root.render(<Probe />)
    })

  it('names nothing while the version loads, then names the anchors on it', async () => {
    let resolve: (store: TLStore) => void = () => {}
    load.mockReturnValue(new Promise((done) => (resolve = done)))
    render()
    expect(load).toHaveBeenCalledWith('board-1', 'token-1', 'version-1')
    expect(named.at(-1)).toBeNull()
    await act(async () => resolve(storeWithDb()))
    expect(named.at(-1)).toBe('Orders DB (Replicated relational DB) · Consistency model')
  })

  it('names nothing when the version cannot be loaded, so the caller keeps the kinds', async () => {
    load.mockRejectedValue(new Error('version not found'))
    render()
    await act(async () => {})
    expect(load).toHaveBeenCalledTimes(1)
    expect(named.at(-1)).toBeNull()
  })
})
