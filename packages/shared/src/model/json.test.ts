import { describe, expect, it } from 'vitest'
import { fillMissing, jsonEqual } from './json.ts'

describe('json helpers', () => {
  it('compares JSON structurally, ignoring key order', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true)
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(jsonEqual([1, 2], [2, 1])).toBe(false)
  })

  it('fills missing keys from a fallback, recursively, keeping every key the value has', () => {
    const value = { x: 5, props: { color: 'red', geo: { kind: 'ellipse' } }, segments: [1] }
    const fallback = { x: 0, y: 7, props: { color: 'black', w: 100, geo: { kind: 'rect', round: true } }, segments: [1, 2] }
    expect(fillMissing(value, fallback)).toEqual({
      x: 5,
      y: 7,
      props: { color: 'red', w: 100, geo: { kind: 'ellipse', round: true } },
      segments: [1],
    })
  })
})
