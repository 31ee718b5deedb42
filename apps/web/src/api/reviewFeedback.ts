import { reviewFlagSchema, reviewRatingSchema, type ReviewFlag, type ReviewRating } from '@concord/shared'
import { z } from 'zod'
import { call, putJson } from './peerReview.ts'

/** A student's feedback on a review their team received (`/api/me/received/:assignmentId/...`). */

const receivedPath = (assignmentId: string, rest: string) => `/api/me/received/${encodeURIComponent(assignmentId)}/${rest}`

/** `PUT .../rating`: the student's helpfulness rating (1 to 5) and comment, replacing their earlier one. */
export async function rateReview(token: string, assignmentId: string, rating: ReviewRating): Promise<ReviewRating> {
  return z.object({ rating: reviewRatingSchema }).parse(await call(receivedPath(assignmentId, 'rating'), token, putJson(rating))).rating
}

/** `PUT .../flag`: flags the review as inappropriate for the instructor, with the reason. */
export async function flagReview(token: string, assignmentId: string, flag: ReviewFlag): Promise<ReviewFlag> {
  return z.object({ flag: reviewFlagSchema }).parse(await call(receivedPath(assignmentId, 'flag'), token, putJson(flag))).flag
}
