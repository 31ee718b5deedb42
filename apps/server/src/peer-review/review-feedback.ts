import type { ReviewFlag, ReviewRating } from '@concord/shared'
import type { StudentRecord } from '../storage/peer-review-types.ts'
import type { Storage } from '../storage/types.ts'
import { notFound } from './refusal.ts'
import type { Round } from './round-data.ts'

/**
 * Feedback on feedback: each member of a reviewed team rates the helpfulness of every review the
 * team received (one rating per student, replaced when given again) and may flag one as
 * inappropriate; the instructor hides or shows a review again. A review the team cannot see
 * (not submitted, hidden, another team's) is answered like an unknown one.
 */
export class ReviewFeedback {
  constructor(private readonly storage: Storage) {}

  async rate(student: StudentRecord, assignmentId: string, { helpfulness, comment }: ReviewRating): Promise<ReviewRating> {
    await this.receivedReview(student, assignmentId)
    await this.storage.peerReview.putRating({ assignmentId, studentKey: student.key, helpfulness, comment, updatedAt: Date.now() })
    return { helpfulness, comment }
  }

  async flag(student: StudentRecord, assignmentId: string, { reason }: ReviewFlag): Promise<ReviewFlag> {
    await this.receivedReview(student, assignmentId)
    await this.storage.peerReview.putFlag({ assignmentId, studentKey: student.key, reason, createdAt: Date.now() })
    return { reason }
  }

  /** Hides a review of the round (or shows it again); false when the round has no such assignment. */
  async setHidden(round: Round, assignmentId: string, hidden: boolean): Promise<boolean> {
    const assignment = await this.storage.peerReview.getAssignment(assignmentId)
    if (assignment?.roundId !== round.id) return false
    await this.storage.peerReview.setHidden(assignmentId, hidden, Date.now())
    return true
  }

  private async receivedReview(student: StudentRecord, assignmentId: string): Promise<void> {
    const assignment = await this.storage.peerReview.getAssignment(assignmentId)
    const round = assignment?.team === student.team ? await this.storage.peerReview.getRound(assignment.roundId) : null
    const review = round?.sessionId === student.sessionId ? await this.storage.peerReview.getRoundReview(assignmentId) : null
    if (!assignment || review?.status !== 'submitted' || (await this.storage.peerReview.listHidden(assignment.roundId)).includes(assignmentId)) {
      throw notFound('review')
    }
  }
}
