import { aggregateRubrics, RUBRIC_CRITERIA, type ReviewerRubric } from '../model/rubric.ts'
import type { ReviewThread, ThreadAnchor } from '../model/review.ts'

export interface ReviewMarkdownInput {
  boardTitle: string
  threads: readonly ReviewThread[]
  rubrics: readonly ReviewerRubric[]
  /** How an anchor is named for readers (the web app knows the shapes' labels). */
  describeAnchor(anchor: ThreadAnchor): string
  /** When the export was made (ms since the epoch). */
  now: number
}

/** Plain text as Markdown text: no HTML gets through, and markup characters stay literal. */
export function markdownText(value: string): string {
  return value.replace(/[\\`*_[\]<>#|]/g, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : `\\${char}`))
}

/** A time as Markdown exports show it: "2026-12-03 23:50 UTC". */
export function utcMinute(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC'
}

/** A review (rubric aggregate, each reviewer's rubric, every thread) as a Markdown document. */
export function reviewAsMarkdown({ boardTitle, threads, rubrics, describeAnchor, now }: ReviewMarkdownInput): string {
  const lines: string[] = [`# Review of ${markdownText(boardTitle)}`, '', `Exported ${utcMinute(now)}.`, '', '## Rubric', '']
  const aggregate = aggregateRubrics(rubrics)
  lines.push('| Criterion | Mean score | Reviewers who scored |', '| --- | --- | --- |')
  for (const { criterion, mean, scores } of aggregate) {
    const label = RUBRIC_CRITERIA.find((c) => c.id === criterion)?.label ?? criterion
    lines.push(`| ${label} | ${mean === null ? '–' : mean.toFixed(1)} | ${scores} |`)
  }
  for (const rubric of rubrics) {
    lines.push('', `### ${markdownText(rubric.reviewer.name)}`, '')
    for (const { id, label } of RUBRIC_CRITERIA) {
      const entry = rubric.entries[id]
      const score = entry?.score ?? '–'
      const justification = entry?.justification.trim() ? ` ${markdownText(entry.justification.trim())}` : ''
      lines.push(`- **${label}**: ${score}/5.${justification}`)
    }
  }
  lines.push('', '## Comments', '')
  if (threads.length === 0) lines.push('No comments.')
  for (const thread of threads) {
    lines.push(`### ${markdownText(describeAnchor(thread.anchor))} (${thread.status})`, '')
    for (const comment of thread.comments) {
      lines.push(`- ${markdownText(comment.author.name)}, ${utcMinute(comment.createdAt)}: ${markdownText(comment.text).replace(/\n/g, '\n  ')}`)
    }
    lines.push('')
  }
  return `${lines.join('\n').trimEnd()}\n`
}
