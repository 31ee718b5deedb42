import { z } from 'zod'
import { RUBRIC_CRITERIA } from '../model/rubric.ts'
import { boardIdSchema } from '../protocol/ids.ts'
import { DEFAULT_GRADE_WEIGHTS, gradeWeightsSchema } from './grades.ts'

/**
 * What a round hides: `none`, `single` (reviewers do not learn the team they review or its
 * members) or `double` (the team does not learn its reviewers either).
 */
export const ANONYMITY = ['none', 'single', 'double'] as const
export const anonymitySchema = z.enum(ANONYMITY)
export type Anonymity = z.infer<typeof anonymitySchema>

/** One level of a criterion's scale with what it means ("3: trade-offs named, not justified"). */
const levelSchema = z.object({ score: z.number().int(), descriptor: z.string().trim().min(1).max(500) })

export const roundCriterionSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'a criterion id is 1 to 40 letters, digits, _ or -'),
    label: z.string().trim().min(1).max(200),
    scale: z.object({ min: z.number().int().min(0).max(10), max: z.number().int().min(1).max(10) }),
    levels: z.array(levelSchema).max(11),
  })
  .refine(({ scale }) => scale.min < scale.max, 'a scale runs from min to a larger max')
  .refine(({ scale, levels }) => levels.every(({ score }) => score >= scale.min && score <= scale.max), 'every level lies on the scale')
export type RoundCriterion = z.infer<typeof roundCriterionSchema>

export const roundRubricSchema = z
  .object({ criteria: z.array(roundCriterionSchema).min(1).max(20) })
  .refine(({ criteria }) => new Set(criteria.map(({ id }) => id)).size === criteria.length, 'criterion ids are unique')
export type RoundRubric = z.infer<typeof roundRubricSchema>

const DEFAULT_LEVELS = [
  { score: 1, descriptor: 'Missing' },
  { score: 2, descriptor: 'Mentioned, not worked out' },
  { score: 3, descriptor: 'Worked out in part' },
  { score: 4, descriptor: 'Worked out, minor gaps' },
  { score: 5, descriptor: 'Complete and justified' },
]

/** The board review's criteria on its 1 to 5 scale: a round's rubric unless the instructor gives one. */
export function defaultRoundRubric(): RoundRubric {
  return { criteria: RUBRIC_CRITERIA.map(({ id, label }) => ({ id, label, scale: { min: 1, max: 5 }, levels: DEFAULT_LEVELS })) }
}

/** At most this many reviews per student in one round. */
export const MAX_REVIEWS_PER_STUDENT = 10

/** Criterion scores by criterion id, as calibration gives them (a review's scores carry justifications too). */
export const criterionScoresSchema = z.record(z.string(), z.number().int())

/** A round's calibration: an example design version and the instructor's scores of it, which each student scores first. */
export const calibrationSettingsSchema = z.object({ boardId: boardIdSchema, versionId: z.string().min(1), scores: criterionScoresSchema })
export type CalibrationSettings = z.infer<typeof calibrationSettingsSchema>

/** `POST /api/sessions/:id/rounds` request body. `dueAt`: milliseconds since the epoch or an ISO date. */
export const roundSettingsSchema = z.object({
  reviewsPerStudent: z.number().int().min(1).max(MAX_REVIEWS_PER_STUDENT).default(2),
  anonymity: anonymitySchema.default('single'),
  dueAt: z.union([z.number().int().positive(), z.iso.datetime({ offset: true }).transform((iso) => Date.parse(iso))]),
  rubric: roundRubricSchema.optional().transform((rubric) => rubric ?? defaultRoundRubric()),
  /** Reproduces an assignment; drawn at random when absent. */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  /** Optional: students score this example before they may write their reviews. */
  calibration: calibrationSettingsSchema.optional(),
  /** How the review score weighs accuracy, helpfulness and timeliness. */
  weights: gradeWeightsSchema.default(DEFAULT_GRADE_WEIGHTS),
})
export type RoundSettingsInput = z.input<typeof roundSettingsSchema>
export type RoundSettings = Omit<z.output<typeof roundSettingsSchema>, 'seed'>
