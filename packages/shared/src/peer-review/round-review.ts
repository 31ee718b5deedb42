import { z } from 'zod'
import { MAX_COMMENT_LENGTH, threadAnchorSchema } from '../model/review.ts'
import type { RoundRubric } from './round-settings.ts'

/**
 * A student's review of one assigned submission: their own data on the server, not the board's
 * shared review document. Comments are pinned like the board review's threads (a component, one
 * of its properties, a connection, or a point), scores follow the round's rubric.
 */

/** At most this many comments in one review. */
export const MAX_ROUND_REVIEW_COMMENTS = 200

export const roundCommentSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  anchor: threadAnchorSchema,
  text: z.string().trim().min(1, 'a comment must not be empty').max(MAX_COMMENT_LENGTH),
})
export type RoundComment = z.infer<typeof roundCommentSchema>

export const roundScoreSchema = z.object({ score: z.number().int().nullable(), justification: z.string().max(MAX_COMMENT_LENGTH).default('') })
export type RoundScore = z.infer<typeof roundScoreSchema>

/** `PUT /api/me/reviews/:assignmentId`: the review's whole content, saved as a draft. */
export const roundReviewContentSchema = z.object({
  comments: z.array(roundCommentSchema).max(MAX_ROUND_REVIEW_COMMENTS).default([]),
  scores: z.record(z.string(), roundScoreSchema).default({}),
})
export type RoundReviewContent = z.infer<typeof roundReviewContentSchema>

export const ROUND_REVIEW_STATUSES = ['draft', 'submitted'] as const

/** A review as stored and served: its content, whether it was submitted, and when. */
export const roundReviewSchema = roundReviewContentSchema.extend({
  status: z.enum(ROUND_REVIEW_STATUSES),
  updatedAt: z.number(),
  submittedAt: z.number().nullable(),
  /** Submitted after the round's due time. */
  late: z.boolean(),
})
export type RoundReview = z.infer<typeof roundReviewSchema>

/** What is wrong with a review's scores against the round's rubric (empty: nothing). */
export function scoreProblems(rubric: RoundRubric, scores: RoundReviewContent['scores']): string[] {
  const problems: string[] = []
  const criteria = new Map(rubric.criteria.map((criterion) => [criterion.id, criterion]))
  for (const [id, { score }] of Object.entries(scores)) {
    const criterion = criteria.get(id)
    if (!criterion) problems.push(`"${id}" is not a criterion of this round`)
    else if (score !== null && (score < criterion.scale.min || score > criterion.scale.max)) {
      problems.push(`${criterion.label}: scores run from ${criterion.scale.min} to ${criterion.scale.max}`)
    }
  }
  return problems
}

/** What submitting needs on top: a score for every criterion. */
export function missingScores(rubric: RoundRubric, scores: RoundReviewContent['scores']): string[] {
  return rubric.criteria.filter(({ id }) => scores[id]?.score == null).map(({ label }) => label)
}

/** What is wrong with scores given as plain numbers (a calibration): off the rubric, off a scale, or a criterion left out. */
export function criterionScoreProblems(rubric: RoundRubric, scores: Readonly<Record<string, number>>): string[] {
  const asReview = Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { score, justification: '' }]))
  const missing = missingScores(rubric, asReview)
  return [...scoreProblems(rubric, asReview), ...(missing.length > 0 ? [`Score every criterion: ${missing.join(', ')}`] : [])]
}
