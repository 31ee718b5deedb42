import type { DesignGraph } from '../analysis/graph.ts'
import { anchorTarget } from '../report/review-comments.ts'
import { markdownText, utcMinute } from '../report/review-markdown.ts'
import type { RoundReview } from './round-review.ts'
import type { RoundRubric } from './round-settings.ts'

export interface TeamReviewsInput {
  /** The reviewed design's title, as the team knows it. */
  design: string
  versionName: string
  rubric: RoundRubric
  /** The reviews that count (submitted, not hidden), each under the name the team may see. */
  reviews: ReadonlyArray<{ reviewer: string; review: RoundReview }>
  /** The reviewed version's design, to name what comments are pinned to. */
  graph: DesignGraph
  now: number
}

/** Every review a team received in a round as one Markdown document: the rubric table, then each review's scores and comments. */
export function teamReviewsMarkdown({ design, versionName, rubric, reviews, graph, now }: TeamReviewsInput): string {
  const lines = [`# Reviews of ${markdownText(design)}`, '', `Version “${markdownText(versionName)}”, ${reviews.length} reviews. Exported ${utcMinute(now)}.`, '']
  lines.push('## Rubric', '')
  const names = reviews.map(({ reviewer }) => markdownText(reviewer))
  lines.push(`| Criterion | Scale | ${[...names, 'Mean'].join(' | ')} |`, `| ${Array.from({ length: names.length + 3 }, () => '---').join(' | ')} |`)
  for (const { id, label, scale } of rubric.criteria) {
    const scores = reviews.map(({ review }) => review.scores[id]?.score ?? null)
    const given = scores.filter((score): score is number => score !== null)
    const mean = given.length === 0 ? '–' : (given.reduce((sum, score) => sum + score, 0) / given.length).toFixed(1)
    lines.push(`| ${markdownText(label)} | ${scale.min}–${scale.max} | ${[...scores.map((score) => score ?? '–'), mean].join(' | ')} |`)
  }
  for (const [index, { review }] of reviews.entries()) {
    const late = review.late ? ' (late)' : ''
    lines.push('', `## ${names[index]}${late}`, '')
    if (review.submittedAt !== null) lines.push(`Submitted ${utcMinute(review.submittedAt)}.`, '')
    for (const { id, label, scale } of rubric.criteria) {
      const entry = review.scores[id]
      const justification = entry?.justification.trim() ? ` ${markdownText(entry.justification.trim())}` : ''
      lines.push(`- **${markdownText(label)}**: ${entry?.score ?? '–'}/${scale.max}.${justification}`)
    }
    lines.push('', '### Comments', '')
    if (review.comments.length === 0) lines.push('No comments.')
    for (const comment of review.comments) {
      lines.push(`- **${markdownText(anchorTarget(comment.anchor, graph))}**: ${markdownText(comment.text).replace(/\n/g, '\n  ')}`)
    }
  }
  return `${lines.join('\n').trimEnd()}\n`
}
