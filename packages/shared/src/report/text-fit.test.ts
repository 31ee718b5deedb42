import { describe, expect, it } from 'vitest'
import { oneLine, wrapText } from './text-fit.ts'

describe('text fitted into a box', () => {
  it('wraps at spaces and keeps short text whole', () => {
    expect(wrapText('Order service', 20, 2)).toEqual(['Order service'])
    expect(wrapText('Primary order   database', 10, 3)).toEqual(['Primary', 'order', 'database'])
  })

  it('cuts a word longer than a line and ends the last line with an ellipsis when text is left over', () => {
    expect(wrapText('Supercalifragilistic', 8, 3)).toEqual(['Supercal', 'ifragili', 'stic'])
    expect(wrapText('a very long component name indeed', 10, 2)).toEqual(['a very', 'long comp…'])
    for (const line of wrapText('x'.repeat(200), 12, 3)) expect(line.length).toBeLessThanOrEqual(12)
  })

  it('puts text on one line with an ellipsis', () => {
    expect(oneLine('Key-value store', 20)).toBe('Key-value store')
    expect(oneLine('Dynamo-style key-value store', 12)).toBe('Dynamo-styl…')
  })
})
