import { calibrationWeight, criterionScoresSchema, roundGrades, type CriterionScores, type RoundReview, type StudentGrade } from '@concord/shared'
import type { AssignmentRecord, FlagRecord, RatingRecord, StudentRecord } from '../storage/peer-review-types.ts'
import type { Storage } from '../storage/types.ts'
import { readRoundReview, type Round } from './round-data.ts'

/** Everything stored about a round, read at once for the instructor's views: progress, grades, exports. */
export interface RoundState {
  round: Round
  /** The session's roster in import order. */
  students: StudentRecord[]
  assignments: AssignmentRecord[]
  /** Reviews by assignment id, drafts too. */
  reviews: Map<string, RoundReview>
  /** Assignment ids of the reviews the instructor hid. */
  hidden: Set<string>
  ratings: RatingRecord[]
  flags: FlagRecord[]
  /** Calibration scores by student key. */
  calibrations: Map<string, CriterionScores>
}

export async function loadRoundState(storage: Storage, round: Round): Promise<RoundState> {
  const store = storage.peerReview
  const [students, assignments, reviews, hidden, ratings, flags, calibrations] = await Promise.all([
    store.listStudents(round.sessionId),
    store.listAssignments(round.id),
    store.listRoundReviews(round.id),
    store.listHidden(round.id),
    store.listRatings(round.id),
    store.listFlags(round.id),
    store.listCalibrations(round.id),
  ])
  return {
    round,
    students,
    assignments,
    reviews: new Map(reviews.map((review) => [review.assignmentId, readRoundReview(review)])),
    hidden: new Set(hidden),
    ratings,
    flags,
    calibrations: new Map(calibrations.map(({ studentKey, scores }) => [studentKey, criterionScoresSchema.parse(JSON.parse(scores))])),
  }
}

/** A review's scores as numbers; a criterion left unscored is absent. */
export function plainScores(review: RoundReview): CriterionScores {
  return Object.fromEntries(Object.entries(review.scores).flatMap(([id, { score }]) => (score === null ? [] : [[id, score]])))
}

/** Whether a review counts: submitted and not hidden. */
export function counts(state: RoundState, assignmentId: string): boolean {
  return state.reviews.get(assignmentId)?.status === 'submitted' && !state.hidden.has(assignmentId)
}

/** Every roster student's grades, by student key (students who joined after the round have no assignment in it). */
export function gradesOf(state: RoundState): Map<string, StudentGrade> {
  const { round } = state
  const calibration = new Map<string, number>()
  if (round.calibration) {
    for (const [key, scores] of state.calibrations) calibration.set(key, calibrationWeight(round.rubric, round.calibration.scores, scores))
  }
  const grades = roundGrades({
    rubric: round.rubric,
    weights: round.weights,
    students: state.students.map(({ key, team }) => ({ id: key, team })),
    reviews: state.assignments.map(({ id, studentKey, team }) => {
      const review = state.reviews.get(id)
      return {
        reviewer: studentKey,
        team,
        scores: review?.status === 'submitted' ? plainScores(review) : null,
        late: review?.late ?? false,
        hidden: state.hidden.has(id),
        ratings: state.ratings.filter(({ assignmentId }) => assignmentId === id).map(({ helpfulness }) => helpfulness),
      }
    }),
    calibration,
  })
  return new Map(grades.map((grade) => [grade.id, grade]))
}
