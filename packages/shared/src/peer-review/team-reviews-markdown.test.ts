import { describe, expect, it } from 'vitest'
import { extractGraph } from '../analysis/graph.ts'
import type { RoundReview } from './round-review.ts'
import type { RoundRubric } from './round-settings.ts'
import { teamReviewsMarkdown } from './team-reviews-markdown.ts'

const RUBRIC: RoundRubric = {
  criteria: [
    { id: 'a', label: 'Architecture', scale: { min: 1, max: 5 }, levels: [] },
    { id: 'b', label: 'Budget', scale: { min: 0, max: 10 }, levels: [] },
  ],
}

function review(a: number, b: number, extra: Partial<RoundReview> = {}): RoundReview {
  return {
    comments: [],
    scores: { a: { score: a, justification: '' }, b: { score: b, justification: '' } },
    status: 'submitted',
    updatedAt: 0,
    submittedAt: Date.UTC(2026, 11, 3, 10, 0),
    late: false,
    ...extra,
  }
}

describe('a team’s reviews as Markdown', () => {
  const markdown = teamReviewsMarkdown({
    design: 'Team *1*',
    versionName: 'Final',
    rubric: RUBRIC,
    reviews: [
      { reviewer: 'Reviewer 1', review: review(4, 6, { comments: [{ id: 'c1', anchor: { kind: 'point', pageId: 'page:page', x: 0, y: 0 }, text: 'Where is <the> cache?' }] }) },
      { reviewer: 'Reviewer 2', review: review(3, 9, { late: true, scores: { a: { score: 3, justification: 'Two tiers only' }, b: { score: 9, justification: '' } } }) },
    ],
    graph: extractGraph([]),
    now: Date.UTC(2026, 11, 4, 0, 0),
  })

  it('opens with the rubric table: each review’s score and the mean per criterion', () => {
    expect(markdown).toContain(['| Criterion | Scale | Reviewer 1 | Reviewer 2 | Mean |', '| --- | --- | --- | --- | --- |', '| Architecture | 1–5 | 4 | 3 | 3.5 |', '| Budget | 0–10 | 6 | 9 | 7.5 |'].join('\n'))
  })

  it('lists each review’s scores, justifications and comments with their targets, as plain text', () => {
    expect(markdown).toContain('# Reviews of Team \\*1\\*')
    expect(markdown).toContain('## Reviewer 2 (late)')
    expect(markdown).toContain('- **Architecture**: 3/5. Two tiers only')
    expect(markdown).toContain('- **a point on the board**: Where is &lt;the&gt; cache?')
  })
})
