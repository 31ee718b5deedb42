import { act, StrictMode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { useOwned } from './useOwned.ts'

interface Resource {
  id: string
  destroyed: boolean
}

let made: Resource[] = []
let rendered: Array<Resource | null> = []

function Owner({ id }: { id: string }) {
  const resource = useOwned(
    () => {
      const created = { id, destroyed: false }
      made.push(created)
      return created
    },
    (resource) => {
      resource.destroyed = true
    },
    [id],
  )
  rendered.push(resource)
  return null
}

function alive(): Resource[] {
  return made.filter((resource) => !resource.destroyed)
}

describe('useOwned', () => {
  let root: Root | null = null
  beforeAll(() => {
    // Tells React this is a test environment, where `act` flushes effects and updates.
    Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })
  })
  afterEach(() => {
    act(() => root?.unmount())
    root = null
    made = []
    rendered = []
  })

  const render = (id: string) =>
    act(() => {
      root ??= createRoot(document.createElement('div'))
      root.render(
        <StrictMode>
          <Owner id={id} />
        </StrictMode>,
      )
    })

  it('under StrictMode, renders a resource that is alive, and only one is alive', () => {
    render('a')
    const last = rendered.at(-1)
    expect(last?.id).toBe('a')
    expect(last?.destroyed).toBe(false)
    expect(alive()).toEqual([last])
  })

  it('replaces the resource when the key changes and destroys it on unmount', () => {
    render('a')
    const first = rendered.at(-1)
    render('b')
    const second = rendered.at(-1)
    expect(second?.id).toBe('b')
    expect(first?.destroyed).toBe(true)
    expect(alive()).toEqual([second])
    act(() => root?.unmount())
    root = null
    expect(alive()).toEqual([])
  })
})
