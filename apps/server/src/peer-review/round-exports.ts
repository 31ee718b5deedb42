import { extractGraph, formatCsv, teamReviewsMarkdown, type JsonRecord } from '@concord/shared'
import type { BoardVersions } from '../boards/board-versions.ts'
import type { Storage } from '../storage/types.ts'
import type { Round } from './round-data.ts'
import { counts, gradesOf, loadRoundState } from './round-state.ts'

/** The gradebook file's header, as the gradebooks' CSV import maps it. */
export const GRADES_CSV_HEADER = ['student_id', 'name', 'team', 'submission_score', 'review_score', 'reviews_done', 'reviews_late'] as const

/** A score with one decimal, or an empty cell when it cannot be computed. */
function scoreCell(score: number | null): string {
  return score === null ? '' : (Math.round(score * 10) / 10).toFixed(1)
}

/** What the instructor downloads of a round: the grades for the gradebook and each team's reviews. */
export class RoundExports {
  constructor(
    private readonly storage: Storage,
    private readonly versions: BoardVersions,
  ) {}

  /** One row per student on the roster, in roster order. */
  async gradesCsv(round: Round): Promise<string> {
    const state = await loadRoundState(this.storage, round)
    const grades = gradesOf(state)
    const rows = state.students.map(({ key, studentId, name, team }) => {
      const grade = grades.get(key)
      return [studentId, name, team, scoreCell(grade?.submissionScore ?? null), scoreCell(grade?.reviewScore ?? null), grade?.reviewsDone ?? 0, grade?.reviewsLate ?? 0]
    })
    return formatCsv([GRADES_CSV_HEADER, ...rows])
  }

  /**
   * The reviews of `team`'s submission that count, as Markdown; reviewers named as the team sees
   * them (pseudonyms under double-blind). Null when the team had no submission in the round.
   */
  async teamReviews(round: Round, team: number): Promise<string | null> {
    const submission = round.submissions.find((candidate) => candidate.team === team)
    const version = submission && (await this.versions.get(submission.boardId, submission.versionId))
    if (!submission || !version) return null
    const state = await loadRoundState(this.storage, round)
    const names = new Map(state.students.map(({ key, name }) => [key, name]))
    const reviews = state.assignments.flatMap(({ id, team: reviewed, studentKey, reviewerPseudonym }) => {
      const review = reviewed === team && counts(state, id) ? state.reviews.get(id) : undefined
      const reviewer = round.anonymity === 'double' ? reviewerPseudonym : (names.get(studentKey) ?? reviewerPseudonym)
      return review ? [{ reviewer, review }] : []
    })
    const board = await this.storage.getBoard(submission.boardId)
    return teamReviewsMarkdown({
      design: board?.title ?? `Team ${team}`,
      versionName: submission.versionName,
      rubric: round.rubric,
      reviews,
      graph: extractGraph(version.records as JsonRecord[]),
      now: Date.now(),
    })
  }
}
