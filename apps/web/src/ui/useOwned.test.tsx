import { StrictMode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { testRoot } from '../test/reactRoot.ts'
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
  const root = testRoot()
  afterEach(() => {
    root.unmount()
    made = []
    rendered = []
  })

  const render = (id: string) =>
    root.render(
      <StrictMode>
        <Owner id={id} />
      </StrictMode>,
    )

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
    root.unmount()
    expect(alive()).toEqual([])
  })
})
