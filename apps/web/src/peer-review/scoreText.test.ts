import { describe, expect, it } from 'vitest'
import { NOT_GRADED_YET, reviewScoreText, scoreText } from './scoreText.ts'

describe('score text', () => {
  it('shows a grade with one decimal, and a dash when it cannot be computed', () => {
    expect(scoreText(72.25)).toBe('72.3')
    expect(scoreText(0)).toBe('0.0')
    expect(scoreText(null)).toBe('–')
  })

  it('shows no review score before the round’s due time, whatever the score so far', () => {
    const dueAt = Date.UTC(2026, 11, 4, 12)
    for (const score of [0, 55.5, null]) expect(reviewScoreText(score, dueAt, dueAt - 1)).toBe(NOT_GRADED_YET)
    expect(reviewScoreText(0, dueAt, dueAt)).toBe('0.0')
    expect(reviewScoreText(55.55, dueAt, dueAt + 1)).toBe('55.5')
    expect(reviewScoreText(null, dueAt, dueAt + 1)).toBe('–')
  })
})
