import type { RoundProgress, StudentGrade } from '@concord/shared'
import type { AssignmentRecord } from '../storage/peer-review-types.ts'
import { counts, type RoundState } from './round-state.ts'

type Counts = Omit<RoundProgress['teams'][number], 'team'>

/**
 * The instructor's dashboard of a round. Progress counts what students did, hidden reviews too
 * (they were submitted); the score distributions, like the grades, leave hidden reviews out.
 */
export function roundProgress(state: RoundState, grades: ReadonlyMap<string, StudentGrade>): RoundProgress {
  const byKey = new Map(state.students.map((student) => [student.key, student]))
  const reviewing = state.students.filter(({ key }) => state.assignments.some(({ studentKey }) => studentKey === key))
  const teams = [...new Set(reviewing.map(({ team }) => team))].sort((a, b) => a - b)
  return {
    teams: teams.map((team) => ({ team, ...progressOf(state, state.assignments.filter(({ studentKey }) => byKey.get(studentKey)?.team === team)) })),
    students: reviewing.map(({ key, studentId, name, team }) => ({
      studentId,
      name,
      team,
      ...progressOf(state, state.assignments.filter(({ studentKey }) => studentKey === key)),
      calibrated: state.round.calibration === null || state.calibrations.has(key),
      submissionScore: grades.get(key)?.submissionScore ?? null,
      reviewScore: grades.get(key)?.reviewScore ?? null,
    })),
    flags: state.flags.flatMap(({ assignmentId, studentKey, reason, createdAt }) => {
      const student = byKey.get(studentKey)
      return student ? [{ assignmentId, studentId: student.studentId, name: student.name, team: student.team, reason, createdAt }] : []
    }),
    criteria: state.round.rubric.criteria.map(({ id, scale }) => {
      const histogram = Array.from({ length: scale.max - scale.min + 1 }, () => 0)
      for (const assignment of state.assignments) {
        const score = counts(state, assignment.id) ? state.reviews.get(assignment.id)?.scores[id]?.score : null
        if (score != null) histogram[score - scale.min]! += 1
      }
      return { id, counts: histogram }
    }),
  }
}

function progressOf(state: RoundState, assignments: readonly AssignmentRecord[]): Counts {
  const reviews = assignments.flatMap(({ id }) => state.reviews.get(id) ?? [])
  const submitted = reviews.filter(({ status }) => status === 'submitted')
  return {
    assigned: assignments.length,
    drafted: reviews.length - submitted.length,
    submitted: submitted.length,
    late: submitted.filter(({ late }) => late).length,
  }
}
