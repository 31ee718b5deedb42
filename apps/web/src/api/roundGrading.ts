import { gradeWeightsSchema, type GradeWeights } from '@concord/shared'
import { z } from 'zod'
import { apiErrorFrom } from './apiError.ts'
import { call, putJson, sessionPath } from './peerReview.ts'

/** The instructor grading a round: hiding reviews, the review-score weights, the grade and review downloads. */

const roundPath = (sessionId: string, roundId: string, rest: string) => sessionPath(sessionId, `/rounds/${encodeURIComponent(roundId)}/${rest}`)

/** `PUT .../reviews/:assignmentId/hidden`: a hidden review counts nowhere and its team no longer sees it. */
export async function setReviewHidden(sessionId: string, token: string, roundId: string, assignmentId: string, hidden: boolean): Promise<boolean> {
  const path = roundPath(sessionId, roundId, `reviews/${encodeURIComponent(assignmentId)}/hidden`)
  return z.object({ hidden: z.boolean() }).parse(await call(path, token, putJson({ hidden }))).hidden
}

/** `PUT .../weights`: how the round's review scores weigh accuracy, helpfulness and timeliness. */
export async function setGradeWeights(sessionId: string, token: string, roundId: string, weights: GradeWeights): Promise<GradeWeights> {
  return z.object({ weights: gradeWeightsSchema }).parse(await call(roundPath(sessionId, roundId, 'weights'), token, putJson(weights))).weights
}

/** Fetches one of the round's files (`grades.csv`, `teams/<n>/reviews.md`) and saves it under `filename`. */
export async function downloadRoundFile(sessionId: string, token: string, roundId: string, file: string, filename: string): Promise<void> {
  const response = await fetch(roundPath(sessionId, roundId, file), { headers: { Authorization: `Bearer ${token}` } })
  if (!response.ok) throw await apiErrorFrom(response)
  const url = URL.createObjectURL(await response.blob())
  Object.assign(document.createElement('a'), { href: url, download: filename }).click()
  URL.revokeObjectURL(url)
}
