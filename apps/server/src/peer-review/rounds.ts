import {
  assignLateReviewer,
  assignReviews,
  designPseudonyms,
  reviewerPseudonym,
  roundReviewContentSchema,
  type Assignment,
  type RoundResponse,
  type RoundReview,
  type RoundSettings,
} from '@concord/shared'
import { randomId } from '../random-id.ts'
import type { AssignmentRecord, RoundReviewRecord, StudentRecord } from '../storage/peer-review-types.ts'
import type { SessionRecord, Storage } from '../storage/types.ts'
import { PeerReviewRefusal } from './refusal.ts'
import { readRound, roundInfo, roundRecord, type Round, type RoundSubmission } from './round-data.ts'

/**
 * Review rounds of a class session: made from each team's latest version submitted for review,
 * assigned from the roster by the shared assignment rules, extended when students join late.
 * Everything lives in the database, so any node serves any round.
 */
export class ReviewRounds {
  constructor(private readonly storage: Storage) {}

  async create(session: SessionRecord, settings: RoundSettings & { seed?: number | undefined }): Promise<RoundResponse> {
    const students = await this.storage.peerReview.listStudents(session.id)
    if (students.length === 0) throw new PeerReviewRefusal(409, 'The session has no roster yet: import the students first.')
    const seed = settings.seed ?? Math.floor(Math.random() * 0x100000000)
    const { submissions, missing } = await this.submissions(session, seed)
    if (submissions.length === 0) throw new PeerReviewRefusal(409, 'No team has submitted a version for review yet.')
    const round: Round = { id: randomId(), sessionId: session.id, createdAt: Date.now(), ...settings, seed, submissions, missing }
    const assignments = assignReviews({
      reviewers: students.map(({ key, team }) => ({ id: key, team })),
      submissionTeams: submissions.map(({ team }) => team),
      reviewsPerStudent: settings.reviewsPerStudent,
      seed,
    })
    await this.storage.peerReview.createRound(roundRecord(round), numbered(round.id, assignments, []))
    return this.describe(round)
  }

  /** The round the session holds under `roundId`, or null. */
  async get(session: SessionRecord, roundId: string): Promise<Round | null> {
    const record = await this.storage.peerReview.getRound(roundId)
    return record && record.sessionId === session.id ? readRound(record) : null
  }

  async list(sessionId: string): Promise<Round[]> {
    return (await this.storage.peerReview.listRounds(sessionId)).map(readRound)
  }

  /** The instructor's view: the round, its submissions, and every assignment with its review as it stands. */
  async describe(round: Round): Promise<RoundResponse> {
    const students = new Map((await this.storage.peerReview.listStudents(round.sessionId)).map((student) => [student.key, student]))
    const reviews = new Map((await this.storage.peerReview.listRoundReviews(round.id)).map((review) => [review.assignmentId, review]))
    const submissions = new Map(round.submissions.map((submission) => [submission.team, submission]))
    return {
      ...roundInfo(round),
      seed: round.seed,
      submissions: round.submissions,
      missing: round.missing,
      assignments: (await this.storage.peerReview.listAssignments(round.id)).flatMap((assignment) => {
        const student = students.get(assignment.studentKey)
        const submission = submissions.get(assignment.team)
        if (!student || !submission) return []
        const review = reviews.get(assignment.id)
        return [
          {
            id: assignment.id,
            studentId: student.studentId,
            name: student.name,
            reviewerTeam: student.team,
            reviewerPseudonym: assignment.reviewerPseudonym,
            team: submission.team,
            boardId: submission.boardId,
            versionId: submission.versionId,
            pseudonym: submission.pseudonym,
            review: review ? readRoundReview(review) : null,
          },
        ]
      }),
    }
  }

  /** Assigns students who joined the roster after a round was made, in every round of the session, moving nobody else. */
  async assignLate(sessionId: string, joined: readonly StudentRecord[]): Promise<void> {
    if (joined.length === 0) return
    const teamOf = new Map((await this.storage.peerReview.listStudents(sessionId)).map(({ key, team }) => [key, team]))
    for (const round of await this.list(sessionId)) {
      const existing = await this.storage.peerReview.listAssignments(round.id)
      let assignments: Assignment[] = existing.map(({ studentKey, team }) => ({ reviewer: studentKey, team }))
      const added: Assignment[] = []
      for (const student of joined) {
        if (assignments.some(({ reviewer }) => reviewer === student.key)) continue
        const mine = assignLateReviewer(
          { id: student.key, team: student.team },
          { existing: assignments, submissionTeams: round.submissions.map(({ team }) => team), reviewsPerStudent: round.reviewsPerStudent, seed: round.seed },
          (key) => teamOf.get(key),
        )
        assignments = [...assignments, ...mine]
        added.push(...mine)
      }
      await this.storage.peerReview.addAssignments(numbered(round.id, added, existing))
    }
  }

  /** Each team's latest version submitted for review (restore backups never count), and the teams without one. */
  private async submissions(session: SessionRecord, seed: number): Promise<{ submissions: RoundSubmission[]; missing: number[] }> {
    const found: Array<Omit<RoundSubmission, 'pseudonym'>> = []
    const missing: number[] = []
    for (const { team, boardId } of session.boards) {
      const latest = (await this.storage.listVersions(boardId)).filter((version) => !version.backup).at(-1)
      if (latest) found.push({ team, boardId, versionId: latest.id, versionName: latest.name })
      else missing.push(team)
    }
    const pseudonyms = designPseudonyms(
      found.map(({ team }) => team),
      seed,
    )
    return { submissions: found.map((submission) => ({ ...submission, pseudonym: pseudonyms.get(submission.team)! })), missing }
  }
}

/** Assignment records for `assignments`, after `existing` ones: ids, order, and per submission "Reviewer n" numbered on. */
function numbered(roundId: string, assignments: readonly Assignment[], existing: readonly AssignmentRecord[]): AssignmentRecord[] {
  const reviewersOf = new Map<number, number>()
  for (const { team } of existing) reviewersOf.set(team, (reviewersOf.get(team) ?? 0) + 1)
  const start = existing.reduce((max, { position }) => Math.max(max, position + 1), 0)
  return assignments.map(({ reviewer, team }, index) => {
    const number = (reviewersOf.get(team) ?? 0) + 1
    reviewersOf.set(team, number)
    return { id: randomId(), roundId, studentKey: reviewer, team, reviewerPseudonym: reviewerPseudonym(number), position: start + index }
  })
}

/** A stored review as the API serves it. */
export function readRoundReview(record: RoundReviewRecord): RoundReview {
  const { comments, scores } = roundReviewContentSchema.parse(JSON.parse(record.content))
  return { comments, scores, status: record.status, updatedAt: record.updatedAt, submittedAt: record.submittedAt, late: record.late }
}
