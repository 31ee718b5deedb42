import { z } from 'zod'
import { MAX_COMMENT_LENGTH } from '../model/review.ts'
import { criterionScoresSchema } from './round-settings.ts'

/** `PUT /api/me/received/:assignmentId/rating`: a member of the reviewed team rates a review's helpfulness. */
export const reviewRatingSchema = z.object({
  helpfulness: z.number().int().min(1).max(5),
  comment: z.string().trim().max(MAX_COMMENT_LENGTH).default(''),
})
export type ReviewRating = z.infer<typeof reviewRatingSchema>

/** `PUT /api/me/received/:assignmentId/flag`: a member of the reviewed team flags a review as inappropriate. */
export const reviewFlagSchema = z.object({ reason: z.string().trim().min(1, 'say why the review is inappropriate').max(MAX_COMMENT_LENGTH) })
export type ReviewFlag = z.infer<typeof reviewFlagSchema>

/** `PUT /api/sessions/:id/rounds/:roundId/reviews/:assignmentId/hidden` (instructor). */
export const reviewHiddenSchema = z.object({ hidden: z.boolean() })

/** `PUT /api/me/rounds/:roundId/calibration`: the student's scores of the round's calibration example. */
export const calibrationSubmissionSchema = z.object({ scores: criterionScoresSchema })
