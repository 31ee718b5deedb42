import { criterionScoresSchema, roundReviewSchema, versionResponseSchema, type RoundReview, type RoundReviewContent, type VersionResponse } from '@concord/shared'
import { z } from 'zod'
import { call } from './peerReview.ts'

/** A student's own review of an assigned design and their calibration scores, and the designs they score, with the student's token. */

const reviewResponseSchema = z.object({ review: roundReviewSchema })
const json = { 'Content-Type': 'application/json' }
const reviewPath = (assignmentId: string) => `/api/me/reviews/${encodeURIComponent(assignmentId)}`

/** `PUT /api/me/reviews/:assignmentId`: saves the whole review as a draft. */
export async function saveRoundReview(token: string, assignmentId: string, content: RoundReviewContent): Promise<RoundReview> {
  return reviewResponseSchema.parse(await call(reviewPath(assignmentId), token, { method: 'PUT', headers: json, body: JSON.stringify(content) })).review
}

/** `POST /api/me/reviews/:assignmentId/submit`: the review becomes final (and late after the due time). */
export async function submitRoundReview(token: string, assignmentId: string): Promise<RoundReview> {
  return reviewResponseSchema.parse(await call(`${reviewPath(assignmentId)}/submit`, token, { method: 'POST' })).review
}

/** `PUT /api/me/rounds/:roundId/calibration`: the student's scores of the round's example, given once. */
export async function saveCalibration(token: string, roundId: string, scores: Record<string, number>): Promise<Record<string, number>> {
  const body = JSON.stringify({ scores })
  const response = await call(`/api/me/rounds/${encodeURIComponent(roundId)}/calibration`, token, { method: 'PUT', headers: json, body })
  return z.object({ scores: criterionScoresSchema }).parse(response).scores
}

/** `GET /api/me/reviews/:assignmentId/version`: the frozen design the assignment is about, named as the round lets the student see it. */
export async function fetchAssignedVersion(token: string, assignmentId: string): Promise<VersionResponse> {
  return versionResponseSchema.parse(await call(`${reviewPath(assignmentId)}/version`, token))
}

/** `GET /api/me/rounds/:roundId/calibration/version`: the round's calibration example, under a pseudonym. */
export async function fetchCalibrationExample(token: string, roundId: string): Promise<VersionResponse> {
  return versionResponseSchema.parse(await call(`/api/me/rounds/${encodeURIComponent(roundId)}/calibration/version`, token))
}
