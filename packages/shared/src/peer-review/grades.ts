import { z } from 'zod'
import type { RoundRubric } from './round-settings.ts'

/**
 * The grades of a review round, 0 to 100 (the formulas `docs/API.md` states). Pure: the server
 * feeds it the round's non-hidden submitted reviews and the authors' helpfulness ratings.
 */

/** How a review score weighs accuracy, helpfulness and timeliness; the instructor may change them per round. */
export const gradeWeightsSchema = z
  .object({ accuracy: z.number().min(0).max(1), helpfulness: z.number().min(0).max(1), timeliness: z.number().min(0).max(1) })
  .refine(({ accuracy, helpfulness, timeliness }) => accuracy + helpfulness + timeliness > 0, 'at least one weight is above 0')
export type GradeWeights = z.infer<typeof gradeWeightsSchema>

export const DEFAULT_GRADE_WEIGHTS: GradeWeights = { accuracy: 0.6, helpfulness: 0.2, timeliness: 0.2 }

/** The lowest calibration weight: a badly calibrated reviewer still counts a little. */
export const CALIBRATION_FLOOR = 0.2

/** Criterion scores by criterion id. */
export type CriterionScores = Readonly<Record<string, number>>

/**
 * Mean over the rubric's criteria of |a - b| divided by the criterion's range (max - min);
 * criteria either side left unscored are skipped, and no criterion in common gives null.
 */
export function scoreDistance(rubric: RoundRubric, a: CriterionScores, b: CriterionScores): number | null {
  const distances = rubric.criteria.flatMap(({ id, scale }) => {
    const x = a[id]
    const y = b[id]
    return x === undefined || y === undefined ? [] : [Math.abs(x - y) / (scale.max - scale.min)]
  })
  return mean(distances)
}

/** `max(0.2, 1 - d)`, `d` the distance between the student's and the instructor's scores of the example; 1 when not calibrated. */
export function calibrationWeight(rubric: RoundRubric, instructor: CriterionScores, student: CriterionScores | null): number {
  const d = student ? scoreDistance(rubric, instructor, student) : null
  return d === null ? 1 : Math.max(CALIBRATION_FLOOR, 1 - d)
}

/** One reviewer's scores of a design and the reviewer's calibration weight. */
export interface WeightedScores {
  scores: CriterionScores
  weight: number
}

/**
 * A team's submission score: the mean over criteria of the weighted mean of its reviewers' scores,
 * each criterion scaled from its scale to 0-100. Null without a review.
 */
export function submissionScore(rubric: RoundRubric, reviews: readonly WeightedScores[]): number | null {
  const perCriterion = rubric.criteria.flatMap(({ id, scale }) => {
    const scored = reviews.filter(({ scores }) => scores[id] !== undefined)
    const totalWeight = scored.reduce((sum, { weight }) => sum + weight, 0)
    if (totalWeight === 0) return []
    const weighted = scored.reduce((sum, { scores, weight }) => sum + scores[id]! * weight, 0) / totalWeight
    return [((weighted - scale.min) / (scale.max - scale.min)) * 100]
  })
  return mean(perCriterion)
}

/**
 * How far one review lies from the other reviews of the same design: the distance between its
 * scores and the mean of the others' per criterion. Null when it is the design's only review.
 */
export function reviewDeviation(rubric: RoundRubric, own: CriterionScores, others: readonly CriterionScores[]): number | null {
  if (others.length === 0) return null
  const othersMean: Record<string, number> = {}
  for (const { id } of rubric.criteria) {
    const m = mean(others.flatMap((scores) => (scores[id] === undefined ? [] : [scores[id]])))
    if (m !== null) othersMean[id] = m
  }
  return scoreDistance(rubric, own, othersMean)
}

/** What a student's review score is made of; null where it cannot be known. */
export interface ReviewScoreParts {
  /** 1 - d', averaged over the student's reviews of designs that others reviewed too. */
  accuracy: number | null
  /** Mean helpfulness rating (1 to 5) the reviewed teams gave the student's reviews. */
  helpfulness: number | null
  /** Share of the student's assigned reviews submitted on time. */
  onTime: number | null
}

/**
 * 100 x (wA x accuracy + wH x helpfulness / 5 + wT x on-time share). A missing part (no other
 * reviewer, no rating yet) is left out and the weights of the parts present are renormalised to
 * sum to 1, so nobody loses marks for what others did or did not do. Null when no part is known.
 */
export function reviewScore(weights: GradeWeights, { accuracy, helpfulness, onTime }: ReviewScoreParts): number | null {
  const parts = [
    { weight: weights.accuracy, value: accuracy },
    { weight: weights.helpfulness, value: helpfulness === null ? null : helpfulness / 5 },
    { weight: weights.timeliness, value: onTime },
  ].filter((part): part is { weight: number; value: number } => part.value !== null && part.weight > 0)
  const totalWeight = parts.reduce((sum, { weight }) => sum + weight, 0)
  if (totalWeight === 0) return null
  return (100 * parts.reduce((sum, { weight, value }) => sum + weight * value, 0)) / totalWeight
}

/** A review as grading sees it. `hidden` reviews count nowhere: not as done, not in any score. */
export interface GradedReview {
  reviewer: string
  /** The reviewed team. */
  team: number
  /** Null while not submitted. */
  scores: CriterionScores | null
  late: boolean
  hidden: boolean
  /** The helpfulness ratings (1 to 5) the reviewed team's members gave it. */
  ratings: readonly number[]
}

export interface RoundGradeInput {
  rubric: RoundRubric
  weights: GradeWeights
  students: ReadonlyArray<{ id: string; team: number }>
  /** One per assignment, submitted or not. */
  reviews: readonly GradedReview[]
  /** Calibration weight by student id; 1 for those missing. */
  calibration: ReadonlyMap<string, number>
}

export interface StudentGrade {
  id: string
  team: number
  /** The student's team's submission score; null when nobody's review of it counts. */
  submissionScore: number | null
  reviewScore: number | null
  /** Reviews submitted (late ones too), hidden ones left out. */
  reviewsDone: number
  reviewsLate: number
  parts: ReviewScoreParts
}

/** Every student's grades in the round. */
export function roundGrades({ rubric, weights, students, reviews, calibration }: RoundGradeInput): StudentGrade[] {
  const counted = reviews.flatMap((review) => (review.scores && !review.hidden ? [{ ...review, scores: review.scores }] : []))
  const submissionScores = new Map<number, number | null>()
  for (const team of new Set(counted.map(({ team }) => team))) {
    const ofTeam = counted.filter((review) => review.team === team)
    submissionScores.set(team, submissionScore(rubric, ofTeam.map(({ reviewer, scores }) => ({ scores, weight: calibration.get(reviewer) ?? 1 }))))
  }
  return students.map(({ id, team }) => {
    const assigned = reviews.filter(({ reviewer }) => reviewer === id)
    const mine = counted.filter(({ reviewer }) => reviewer === id)
    const deviations = mine.flatMap((review) => {
      const others = counted.filter((other) => other.team === review.team && other !== review).map(({ scores }) => scores)
      const d = reviewDeviation(rubric, review.scores, others)
      return d === null ? [] : [d]
    })
    const meanDeviation = mean(deviations)
    const parts: ReviewScoreParts = {
      accuracy: meanDeviation === null ? null : 1 - meanDeviation,
      helpfulness: mean(mine.flatMap(({ ratings }) => ratings)),
      onTime: assigned.length === 0 ? null : mine.filter(({ late }) => !late).length / assigned.length,
    }
    return {
      id,
      team,
      submissionScore: submissionScores.get(team) ?? null,
      reviewScore: reviewScore(weights, parts),
      reviewsDone: mine.length,
      reviewsLate: mine.filter(({ late }) => late).length,
      parts,
    }
  })
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length
}
