import {
  assignLateReviewer,
  assignReviews,
  criterionScoreProblems,
  designPseudonyms,
  reviewerPseudonym,
  type Assignment,
  type CalibrationSettings,
  type GradeWeights,
  type RoundResponse,
  type RoundSettings,
} from '@concord/shared'
import { randomId } from '../random-id.ts'
import type { AssignmentRecord, StudentRecord } from '../storage/peer-review-types.ts'
import type { SessionRecord, Storage } from '../storage/types.ts'
import { PeerReviewRefusal } from './refusal.ts'
import { roundProgress } from './round-progress.ts'
import { gradesOf, loadRoundState } from './round-state.ts'
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
    const { calibration, ...rest } = settings
    if (calibration) await this.checkCalibration(session, settings.rubric, calibration)
    const round: Round = { id: randomId(), sessionId: session.id, createdAt: Date.now(), ...rest, calibration: calibration ?? null, seed, submissions, missing }
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

  /** Changes the weights of the round's review scores; the updated round. */
  async setWeights(round: Round, weights: GradeWeights): Promise<Round> {
    const updated = { ...round, weights }
    await this.storage.peerReview.updateRoundData(round.id, roundRecord(updated).data)
    return updated
  }

  /**
   * The instructor's view: the round with its calibration, its submissions, every assignment with
   * its review as it stands, whether it is hidden and how the reviewed team rated it, and the progress.
   */
  async describe(round: Round): Promise<RoundResponse> {
    const state = await loadRoundState(this.storage, round)
    const students = new Map(state.students.map((student) => [student.key, student]))
    const submissions = new Map(round.submissions.map((submission) => [submission.team, submission]))
    return {
      ...roundInfo(round),
      seed: round.seed,
      calibration: round.calibration,
      submissions: round.submissions,
      missing: round.missing,
      progress: roundProgress(state, gradesOf(state)),
      assignments: state.assignments.flatMap((assignment) => {
        const student = students.get(assignment.studentKey)
        const submission = submissions.get(assignment.team)
        if (!student || !submission) return []
        const ratings = state.ratings.flatMap(({ assignmentId, studentKey, helpfulness, comment }) => {
          const rater = assignmentId === assignment.id ? students.get(studentKey) : undefined
          return rater ? [{ studentId: rater.studentId, name: rater.name, helpfulness, comment }] : []
        })
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
            review: state.reviews.get(assignment.id) ?? null,
            hidden: state.hidden.has(assignment.id),
            ratings,
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

  /** Refuses a calibration example that is no version of the session's boards, or scores that do not fit the rubric. */
  private async checkCalibration(session: SessionRecord, rubric: RoundSettings['rubric'], { boardId, versionId, scores }: CalibrationSettings): Promise<void> {
    const onBoard = session.boards.some((board) => board.boardId === boardId) && (await this.storage.listVersions(boardId)).some(({ id }) => id === versionId)
    if (!onBoard) throw new PeerReviewRefusal(400, 'calibration: the example must be a version of one of the session’s boards')
    const problems = criterionScoreProblems(rubric, scores)
    if (problems.length > 0) throw new PeerReviewRefusal(400, `calibration: ${problems.join('; ')}`)
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
