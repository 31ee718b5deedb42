import { beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { localStorageAtom } from './localStorageAtom.ts'

const schema = z.object({ count: z.number() })

describe('localStorageAtom', () => {
  beforeEach(() => localStorage.clear())

  it('reads what was saved, and falls back when storage holds something invalid', () => {
    localStorageAtom('test:a', schema, { count: 0 }).save({ count: 3 })
    expect(localStorageAtom('test:a', schema, { count: 0 }).atom.get()).toEqual({ count: 3 })
    localStorage.setItem('test:b', '{"count":"three"}')
    expect(localStorageAtom('test:b', schema, { count: 0 }).atom.get()).toEqual({ count: 0 })
    localStorage.setItem('test:c', 'not json')
    expect(localStorageAtom('test:c', schema, { count: 0 }).atom.get()).toEqual({ count: 0 })
  })

  it('follows a write from another tab of the same browser', () => {
    const value = localStorageAtom('test:d', schema, { count: 0 })
    localStorage.setItem('test:d', '{"count":7}')
    window.dispatchEvent(new StorageEvent('storage', { key: 'test:d' }))
    expect(value.atom.get()).toEqual({ count: 7 })
  })
})
