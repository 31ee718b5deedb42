import { boardLinkPath, criterionScoresSchema, type MeResponse } from '@concord/shared'
import type { StudentAccess } from '../access/student-access.ts'
import type { StudentRecord } from '../storage/peer-review-types.ts'
import type { Storage } from '../storage/types.ts'
import { notFound } from './refusal.ts'
import { readRoundReview, roundInfo } from './round-data.ts'
import type { ReviewRounds } from './rounds.ts'

/**
 * `GET /api/me`: what a student sees. Anonymity is applied here, on the server: reviewers get
 * only design pseudonyms under single- and double-blind, teams only reviewer pseudonyms under
 * double-blind, and a review reaches the reviewed team only once submitted. No board id but the
 * student's own: the versions a student reviews are fetched by assignment and by round.
 */
export class StudentPage {
  constructor(
    private readonly storage: Storage,
    private readonly students: StudentAccess,
    private readonly rounds: ReviewRounds,
  ) {}

  async of(student: StudentRecord): Promise<MeResponse> {
    const session = await this.storage.getSession(student.sessionId)
    const boardId = await this.students.teamBoardId(student)
    const board = boardId === null ? null : await this.storage.getBoard(boardId)
    if (!session || !board) throw notFound('student page')
    const mine = await this.storage.peerReview.assignmentsOfStudent(student.key)
    const roster = new Map((await this.storage.peerReview.listStudents(session.id)).map((s) => [s.key, s]))
    const rounds: MeResponse['rounds'] = []
    for (const round of await this.rounds.list(session.id)) {
      const submissions = new Map(round.submissions.map((submission) => [submission.team, submission]))
      const assignments: MeResponse['rounds'][number]['assignments'] = []
      for (const assignment of mine.filter(({ roundId }) => roundId === round.id)) {
        const submission = submissions.get(assignment.team)
        if (!submission) continue
        const review = await this.storage.peerReview.getRoundReview(assignment.id)
        const design = round.anonymity === 'none' ? ((await this.storage.getBoard(submission.boardId))?.title ?? submission.pseudonym) : submission.pseudonym
        assignments.push({
          id: assignment.id,
          design,
          versionId: submission.versionId,
          review: review ? readRoundReview(review) : null,
        })
      }
      const own = submissions.get(student.team)
      let received: MeResponse['rounds'][number]['received'] = null
      if (own) {
        const store = this.storage.peerReview
        const reviews = new Map((await store.listRoundReviews(round.id)).map((review) => [review.assignmentId, review]))
        const hidden = new Set(await store.listHidden(round.id))
        const rating = new Map((await store.listRatings(round.id)).filter(({ studentKey }) => studentKey === student.key).map((r) => [r.assignmentId, r]))
        const flag = new Map((await store.listFlags(round.id)).filter(({ studentKey }) => studentKey === student.key).map((f) => [f.assignmentId, f]))
        const ofTeam = (await store.listAssignments(round.id)).filter(({ team }) => team === student.team)
        received = {
          versionId: own.versionId,
          reviews: ofTeam.flatMap((assignment) => {
            const review = reviews.get(assignment.id)
            if (review?.status !== 'submitted' || hidden.has(assignment.id)) return []
            const reviewer = round.anonymity === 'double' ? assignment.reviewerPseudonym : (roster.get(assignment.studentKey)?.name ?? assignment.reviewerPseudonym)
            const mine = rating.get(assignment.id)
            const flagged = flag.get(assignment.id)
            return [
              {
                id: assignment.id,
                reviewer,
                review: readRoundReview(review),
                rating: mine ? { helpfulness: mine.helpfulness, comment: mine.comment } : null,
                flag: flagged ? { reason: flagged.reason } : null,
              },
            ]
          }),
        }
      }
      const calibration = round.calibration ? await this.storage.peerReview.getCalibration(round.id, student.key) : null
      const calibrated = calibration ? criterionScoresSchema.parse(JSON.parse(calibration.scores)) : null
      // The example's board stays on the server: it may be a team's, which a blind round must not tell.
      const example = round.calibration && { versionId: round.calibration.versionId }
      rounds.push({ ...roundInfo(round), calibration: example, calibrated, assignments, received })
    }
    return {
      session: { id: session.id, name: session.name },
      student: { studentId: student.studentId, name: student.name, team: student.team },
      board: { id: board.id, title: board.title, link: boardLinkPath(board.id, await this.students.token(student)) },
      rounds,
    }
  }
}
