import { missingScores, roundReviewContentSchema, scoreProblems, type RoundReview, type RoundReviewContent } from '@concord/shared'
import type { AssignmentRecord, StudentRecord } from '../storage/peer-review-types.ts'
import type { Storage } from '../storage/types.ts'
import { readRound, readRoundReview, type Round } from './round-data.ts'
import { refuseUntilCalibrated } from './calibration.ts'
import { notFound, PeerReviewRefusal } from './refusal.ts'

/**
 * A student's reviews of their assignments: written only with the assigned student's token (any
 * other student gets the 404 of an unknown assignment), once the student scored the round's
 * calibration example if it has one, saved as drafts, then submitted once (marked late after the
 * round's due time).
 */
export class RoundReviews {
  constructor(private readonly storage: Storage) {}

  async read(student: StudentRecord, assignmentId: string): Promise<RoundReview | null> {
    await this.assignmentOf(student, assignmentId)
    const stored = await this.storage.peerReview.getRoundReview(assignmentId)
    return stored ? readRoundReview(stored) : null
  }

  async saveDraft(student: StudentRecord, assignmentId: string, content: RoundReviewContent): Promise<RoundReview> {
    const { round } = await this.assignmentOf(student, assignmentId)
    await refuseUntilCalibrated(this.storage, round, student)
    await this.refuseIfSubmitted(assignmentId)
    const problems = scoreProblems(round.rubric, content.scores)
    if (problems.length > 0) throw new PeerReviewRefusal(400, problems.join('; '))
    const review = { assignmentId, content: JSON.stringify(content), status: 'draft' as const, updatedAt: Date.now(), submittedAt: null, late: false }
    await this.storage.peerReview.putRoundReview(review)
    return readRoundReview(review)
  }

  async submit(student: StudentRecord, assignmentId: string): Promise<RoundReview> {
    const { round } = await this.assignmentOf(student, assignmentId)
    await refuseUntilCalibrated(this.storage, round, student)
    await this.refuseIfSubmitted(assignmentId)
    const stored = await this.storage.peerReview.getRoundReview(assignmentId)
    const content = stored ? roundReviewContentSchema.parse(JSON.parse(stored.content)) : { comments: [], scores: {} }
    const missing = missingScores(round.rubric, content.scores)
    if (missing.length > 0) throw new PeerReviewRefusal(400, `Score every criterion before submitting: ${missing.join(', ')}`)
    const now = Date.now()
    const review = { assignmentId, content: JSON.stringify(content), status: 'submitted' as const, updatedAt: now, submittedAt: now, late: now > round.dueAt }
    await this.storage.peerReview.putRoundReview(review)
    return readRoundReview(review)
  }

  private async assignmentOf(student: StudentRecord, assignmentId: string): Promise<{ assignment: AssignmentRecord; round: Round }> {
    const assignment = await this.storage.peerReview.getAssignment(assignmentId)
    const record = assignment?.studentKey === student.key ? await this.storage.peerReview.getRound(assignment.roundId) : null
    if (!assignment || !record) throw notFound('assignment')
    return { assignment, round: readRound(record) }
  }

  private async refuseIfSubmitted(assignmentId: string): Promise<void> {
    if ((await this.storage.peerReview.getRoundReview(assignmentId))?.status === 'submitted') {
      throw new PeerReviewRefusal(409, 'This review was submitted and can no longer change.')
    }
  }
}
