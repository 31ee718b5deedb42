import { describe, expect, it } from 'vitest'
import { fitLine, nameIsKindLabel, wrapLines } from './cardText.ts'

describe('card text', () => {
  it('cuts a line that does not fit with an ellipsis, and leaves one that fits', () => {
    expect(fitLine('Orders DB', 156, 16)).toBe('Orders DB')
    const cut = fitLine('Dynamo-style key-value store for the shopping cart', 156, 16, true)
    expect(cut.endsWith('…')).toBe(true)
    expect(cut.length).toBeLessThanOrEqual(Math.floor(156 / (16 * 0.64)))
  })

  it('wraps at spaces into at most the given lines', () => {
    expect(wrapLines('Replicated relational DB', 156, 16, 2, true)).toEqual(['Replicated', 'relational DB'])
    const lines = wrapLines('Dynamo-style key-value store for the shopping cart and sessions', 156, 16, 2, true)
    expect(lines).toHaveLength(2)
    expect(lines[1]!.endsWith('…')).toBe(true)
  })

  it('knows a name that is only the kind label', () => {
    expect(nameIsKindLabel('Cache', 'Cache')).toBe(true)
    expect(nameIsKindLabel('Session cache', 'Cache')).toBe(false)
    expect(nameIsKindLabel('Cache', undefined)).toBe(false)
  })
})
