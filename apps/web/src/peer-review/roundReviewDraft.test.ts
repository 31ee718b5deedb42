import type { RoundReview, RoundReviewContent } from '@concord/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { saveRoundReview, submitRoundReview } from '../api/roundReviews.ts'
import { RoundReviewDraft } from './roundReviewDraft.ts'

vi.mock('../api/roundReviews.ts', () => ({ saveRoundReview: vi.fn<typeof saveRoundReview>(), submitRoundReview: vi.fn<typeof submitRoundReview>() }))
const save = vi.mocked(saveRoundReview)

function stored(content: RoundReviewContent, updatedAt: number): RoundReview {
  return { ...content, status: 'draft', updatedAt, submittedAt: null, late: false }
}

describe('RoundReviewDraft', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    save.mockReset()
  })

  it('autosaves after a change, and saves again what changed while a save was under way', async () => {
    const pending: Array<() => void> = []
    save.mockImplementation((_token, _id, content) => new Promise((resolve) => pending.push(() => resolve(stored(content, pending.length)))))
    const draft = new RoundReviewDraft('token', 'a1', null)
    draft.setScore('clarity', { score: 4 })
    expect(draft.saveState.get()).toEqual({ kind: 'unsaved' })
    await vi.runAllTimersAsync()
    expect(draft.saveState.get()).toEqual({ kind: 'saving' })
    draft.setScore('clarity', { justification: 'Easy to follow' })
    pending.shift()!()
    await vi.runAllTimersAsync()
    // The first save ended with newer content waiting: it was saved in turn.
    expect(save).toHaveBeenCalledTimes(2)
    expect(save.mock.calls[1]![2].scores).toEqual({ clarity: { score: 4, justification: 'Easy to follow' } })
    pending.shift()!()
    await vi.runAllTimersAsync()
    expect(draft.saveState.get().kind).toBe('saved')
    expect(draft.hasUnsavedChanges()).toBe(false)
  })

  it('keeps the reason a save failed, and is written no more once submitted', async () => {
    save.mockRejectedValueOnce(new Error('Score the calibration example of this round first'))
    const draft = new RoundReviewDraft('token', 'a1', null)
    draft.setScore('clarity', { score: 4 })
    expect(await draft.save()).toBe(false)
    expect(draft.saveState.get()).toEqual({ kind: 'failed', message: 'Score the calibration example of this round first' })

    const submitted = new RoundReviewDraft('token', 'a2', { ...stored({ comments: [], scores: {} }, 1), status: 'submitted', submittedAt: 1 })
    submitted.setScore('clarity', { score: 2 })
    expect(submitted.content.get().scores).toEqual({})
    expect(submitted.canComment.get()).toBe(false)
  })
})
