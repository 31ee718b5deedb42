import { z } from 'zod'
import {
  anonymitySchema,
  calibrationSettingsSchema,
  DEFAULT_GRADE_WEIGHTS,
  gradeWeightsSchema,
  roundReviewContentSchema,
  roundRubricSchema,
  type Anonymity,
  type CalibrationSettings,
  type GradeWeights,
  type RoundReview,
  type RoundInfo,
  type RoundRubric,
} from '@concord/shared'
import type { RoundRecord, RoundReviewRecord } from '../storage/peer-review-types.ts'

/** A team's version frozen as its submission to a round. */
export interface RoundSubmission {
  team: number
  boardId: string
  versionId: string
  versionName: string
  /** "Design B": how reviewers see it under single- and double-blind. */
  pseudonym: string
}

/** What a round record holds besides its id, session and time (`review_rounds.data`). */
export interface RoundData {
  anonymity: Anonymity
  dueAt: number
  reviewsPerStudent: number
  rubric: RoundRubric
  seed: number
  submissions: RoundSubmission[]
  /** Teams without a version submitted for review when the round was made. */
  missing: number[]
  calibration: CalibrationSettings | null
  weights: GradeWeights
}

const roundDataSchema = z.object({
  anonymity: anonymitySchema,
  dueAt: z.number(),
  reviewsPerStudent: z.number().int(),
  rubric: roundRubricSchema,
  seed: z.number().int(),
  submissions: z.array(z.object({ team: z.number().int(), boardId: z.string(), versionId: z.string(), versionName: z.string(), pseudonym: z.string() })),
  missing: z.array(z.number().int()),
  // Rounds made before calibration and grades have neither.
  calibration: calibrationSettingsSchema.nullable().default(null),
  weights: gradeWeightsSchema.default(DEFAULT_GRADE_WEIGHTS),
})

/** A stored round, read back (the server wrote it; a row that does not read throws). */
export interface Round extends RoundData {
  id: string
  sessionId: string
  createdAt: number
}

export function readRound(record: RoundRecord): Round {
  return { id: record.id, sessionId: record.sessionId, createdAt: record.createdAt, ...roundDataSchema.parse(JSON.parse(record.data)) }
}

export function roundRecord(round: Round): RoundRecord {
  const { id, sessionId, createdAt, ...data } = round
  return { id, sessionId, createdAt, data: JSON.stringify(data) }
}

/** The round's settings as every view of it shows them. */
export function roundInfo({ id, createdAt, anonymity, dueAt, reviewsPerStudent, rubric, weights, calibration }: Round): RoundInfo {
  const example = calibration && { boardId: calibration.boardId, versionId: calibration.versionId }
  return { id, createdAt, anonymity, dueAt, reviewsPerStudent, rubric, weights, calibration: example }
}

/** A stored review as the API serves it. */
export function readRoundReview(record: RoundReviewRecord): RoundReview {
  const { comments, scores } = roundReviewContentSchema.parse(JSON.parse(record.content))
  return { comments, scores, status: record.status, updatedAt: record.updatedAt, submittedAt: record.submittedAt, late: record.late }
}
