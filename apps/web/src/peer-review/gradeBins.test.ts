import { describe, expect, it } from 'vitest'
import { gradeBins } from './gradeBins.ts'

describe('grade bins', () => {
  it('puts each grade in its bin of 20, and 100 in the last', () => {
    expect(gradeBins([0, 19.9, 20, 58.3, 79.99, 80, 100])).toEqual([
      { label: '0–19', count: 2 },
      { label: '20–39', count: 1 },
      { label: '40–59', count: 1 },
      { label: '60–79', count: 1 },
      { label: '80–100', count: 2 },
    ])
  })

  it('shows empty bins for no grades', () => {
    expect(gradeBins([]).map(({ count }) => count)).toEqual([0, 0, 0, 0, 0])
  })
})
