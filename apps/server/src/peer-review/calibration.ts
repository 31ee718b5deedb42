import { criterionScoreProblems, type CriterionScores } from '@concord/shared'
import type { StudentRecord } from '../storage/peer-review-types.ts'
import type { Storage } from '../storage/types.ts'
import { readRound, type Round } from './round-data.ts'
import { notFound, PeerReviewRefusal } from './refusal.ts'

/**
 * Calibration: in a round with an example, each student scores it once with the round's rubric
 * before they may write their reviews; how close they come to the instructor weighs their scores.
 */
export class Calibrations {
  constructor(private readonly storage: Storage) {}

  async submit(student: StudentRecord, roundId: string, scores: CriterionScores): Promise<CriterionScores> {
    const record = await this.storage.peerReview.getRound(roundId)
    const round = record && record.sessionId === student.sessionId ? readRound(record) : null
    if (!round?.calibration) throw notFound('calibration')
    const problems = criterionScoreProblems(round.rubric, scores)
    if (problems.length > 0) throw new PeerReviewRefusal(400, problems.join('; '))
    const added = await this.storage.peerReview.addCalibration({ roundId, studentKey: student.key, scores: JSON.stringify(scores), submittedAt: Date.now() })
    if (!added) throw new PeerReviewRefusal(409, 'You already scored the calibration example of this round.')
    return scores
  }
}

/** Refuses a review write in a calibrated round until the student scored its example. */
export async function refuseUntilCalibrated(storage: Storage, round: Round, student: StudentRecord): Promise<void> {
  if (round.calibration && !(await storage.peerReview.getCalibration(round.id, student.key))) {
    throw new PeerReviewRefusal(409, 'Score the calibration example of this round first: your reviews open once you have.')
  }
}
