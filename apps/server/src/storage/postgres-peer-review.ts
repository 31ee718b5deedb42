import type { Pool } from 'pg'
import { inTransaction } from './postgres-transaction.ts'
import { COLUMNS, qualified, toRecord, type PeerReviewRow } from './peer-review-rows.ts'
import type { AssignmentRecord, CalibrationRecord, FlagRecord, PeerReviewStorage, RatingRecord, RoundRecord, RoundReviewRecord, StudentRecord } from './peer-review-types.ts'

/**
 * Rosters, review rounds, assignments and round reviews in PostgreSQL (the same rows as
 * `sqlite-peer-review.ts`), shared by every node. Each call waits for the schema (`ready`).
 */
export class PostgresPeerReview implements PeerReviewStorage {
  constructor(
    private readonly pool: Pool,
    private readonly ready: Promise<void>,
  ) {}

  async putStudents(sessionId: string, students: Array<{ studentId: string; name: string; team: number }>, newKey: () => string): Promise<StudentRecord[]> {
    await this.ready
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ next: number }>('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM students WHERE session_id = $1', [sessionId])
      const next = Number(rows[0]?.next ?? 0)
      for (const [index, { studentId, name, team }] of students.entries()) {
        await client.query(
          `INSERT INTO students (key, session_id, student_id, name, team, generation, position) VALUES ($1, $2, $3, $4, $5, 0, $6)
           ON CONFLICT (session_id, student_id) DO UPDATE SET name = excluded.name, team = excluded.team`,
          [newKey(), sessionId, studentId, name, team, next + index],
        )
      }
    })
    return this.listStudents(sessionId)
  }

  async listStudents(sessionId: string): Promise<StudentRecord[]> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(`SELECT ${COLUMNS.student} FROM students WHERE session_id = $1 ORDER BY position`, [sessionId])
    return rows.map(toRecord.student)
  }

  async getStudent(key: string): Promise<StudentRecord | null> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(`SELECT ${COLUMNS.student} FROM students WHERE key = $1`, [key])
    return rows[0] ? toRecord.student(rows[0]) : null
  }

  async rotateStudent(sessionId: string, studentId: string): Promise<StudentRecord | null> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(
      `UPDATE students SET generation = generation + 1 WHERE session_id = $1 AND student_id = $2 RETURNING ${COLUMNS.student}`,
      [sessionId, studentId],
    )
    return rows[0] ? toRecord.student(rows[0]) : null
  }

  async createRound(round: RoundRecord, assignments: AssignmentRecord[]): Promise<void> {
    await this.ready
    await inTransaction(this.pool, async (client) => {
      await client.query('INSERT INTO review_rounds (id, session_id, created_at, data) VALUES ($1, $2, $3, $4)', [
        round.id,
        round.sessionId,
        round.createdAt,
        round.data,
      ])
      for (const a of assignments) await client.query(INSERT_ASSIGNMENT, assignmentValues(a))
    })
  }

  async getRound(id: string): Promise<RoundRecord | null> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(`SELECT ${COLUMNS.round} FROM review_rounds WHERE id = $1`, [id])
    return rows[0] ? toRecord.round(rows[0]) : null
  }

  async updateRoundData(id: string, data: string): Promise<void> {
    await this.ready
    await this.pool.query('UPDATE review_rounds SET data = $1 WHERE id = $2', [data, id])
  }

  async listRounds(sessionId: string): Promise<RoundRecord[]> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(
      `SELECT ${COLUMNS.round} FROM review_rounds WHERE session_id = $1 ORDER BY created_at, id`,
      [sessionId],
    )
    return rows.map(toRecord.round)
  }

  async addAssignments(assignments: AssignmentRecord[]): Promise<void> {
    await this.ready
    await inTransaction(this.pool, async (client) => {
      for (const a of assignments) await client.query(INSERT_ASSIGNMENT, assignmentValues(a))
    })
  }

  async listAssignments(roundId: string): Promise<AssignmentRecord[]> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(`SELECT ${qualified('a', COLUMNS.assignment)} FROM review_assignments a WHERE a.round_id = $1 ORDER BY a.position`, [roundId])
    return rows.map(toRecord.assignment)
  }

  async getAssignment(id: string): Promise<AssignmentRecord | null> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(`SELECT ${qualified('a', COLUMNS.assignment)} FROM review_assignments a WHERE a.id = $1`, [id])
    return rows[0] ? toRecord.assignment(rows[0]) : null
  }

  async assignmentsOfStudent(key: string): Promise<AssignmentRecord[]> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(
      `SELECT ${qualified('a', COLUMNS.assignment)} FROM review_assignments a JOIN review_rounds r ON r.id = a.round_id
       WHERE a.student_key = $1 ORDER BY r.created_at, r.id, a.position`,
      [key],
    )
    return rows.map(toRecord.assignment)
  }

  async putRoundReview(review: RoundReviewRecord): Promise<void> {
    await this.ready
    await this.pool.query(
      `INSERT INTO round_reviews (assignment_id, content, status, updated_at, submitted_at, late) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (assignment_id) DO UPDATE SET content = excluded.content, status = excluded.status,
         updated_at = excluded.updated_at, submitted_at = excluded.submitted_at, late = excluded.late`,
      [review.assignmentId, review.content, review.status, review.updatedAt, review.submittedAt, review.late ? 1 : 0],
    )
  }

  async getRoundReview(assignmentId: string): Promise<RoundReviewRecord | null> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(`SELECT ${qualified('r', COLUMNS.review)} FROM round_reviews r WHERE r.assignment_id = $1`, [assignmentId])
    return rows[0] ? toRecord.roundReview(rows[0]) : null
  }

  async listRoundReviews(roundId: string): Promise<RoundReviewRecord[]> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(
      `SELECT ${qualified('r', COLUMNS.review)} FROM round_reviews r JOIN review_assignments a ON a.id = r.assignment_id WHERE a.round_id = $1 ORDER BY a.position`,
      [roundId],
    )
    return rows.map(toRecord.roundReview)
  }

  async putRating({ assignmentId, studentKey, helpfulness, comment, updatedAt }: RatingRecord): Promise<void> {
    await this.ready
    await this.pool.query(
      `INSERT INTO review_ratings (assignment_id, student_key, helpfulness, comment, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (assignment_id, student_key) DO UPDATE SET helpfulness = excluded.helpfulness, comment = excluded.comment, updated_at = excluded.updated_at`,
      [assignmentId, studentKey, helpfulness, comment, updatedAt],
    )
  }

  async listRatings(roundId: string): Promise<RatingRecord[]> {
    return (await this.inRound('review_ratings', 'x.helpfulness, x.comment, x.updated_at', roundId)).map(toRecord.rating)
  }

  async putFlag({ assignmentId, studentKey, reason, createdAt }: FlagRecord): Promise<void> {
    await this.ready
    await this.pool.query(
      `INSERT INTO review_flags (assignment_id, student_key, reason, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (assignment_id, student_key) DO UPDATE SET reason = excluded.reason, created_at = excluded.created_at`,
      [assignmentId, studentKey, reason, createdAt],
    )
  }

  async listFlags(roundId: string): Promise<FlagRecord[]> {
    return (await this.inRound('review_flags', 'x.reason, x.created_at', roundId)).map(toRecord.flag)
  }

  /** Rows of `table` (keyed by assignment and student) for the round's assignments, in assignment order. */
  private async inRound(table: string, columns: string, roundId: string): Promise<PeerReviewRow[]> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(
      `SELECT x.assignment_id, x.student_key, ${columns} FROM ${table} x
       JOIN review_assignments a ON a.id = x.assignment_id WHERE a.round_id = $1 ORDER BY a.position, x.student_key`,
      [roundId],
    )
    return rows
  }

  async setHidden(assignmentId: string, hidden: boolean, at: number): Promise<void> {
    await this.ready
    if (hidden) await this.pool.query('INSERT INTO hidden_reviews (assignment_id, hidden_at) VALUES ($1, $2) ON CONFLICT (assignment_id) DO NOTHING', [assignmentId, at])
    else await this.pool.query('DELETE FROM hidden_reviews WHERE assignment_id = $1', [assignmentId])
  }

  async listHidden(roundId: string): Promise<string[]> {
    await this.ready
    const { rows } = await this.pool.query<{ assignment_id: string }>(
      'SELECT h.assignment_id FROM hidden_reviews h JOIN review_assignments a ON a.id = h.assignment_id WHERE a.round_id = $1 ORDER BY a.position',
      [roundId],
    )
    return rows.map((row) => row.assignment_id)
  }

  async addCalibration({ roundId, studentKey, scores, submittedAt }: CalibrationRecord): Promise<boolean> {
    await this.ready
    const { rowCount } = await this.pool.query(
      'INSERT INTO calibrations (round_id, student_key, scores, submitted_at) VALUES ($1, $2, $3, $4) ON CONFLICT (round_id, student_key) DO NOTHING',
      [roundId, studentKey, scores, submittedAt],
    )
    return rowCount === 1
  }

  async getCalibration(roundId: string, studentKey: string): Promise<CalibrationRecord | null> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(
      `SELECT ${COLUMNS.calibration} FROM calibrations WHERE round_id = $1 AND student_key = $2`,
      [roundId, studentKey],
    )
    return rows[0] ? toRecord.calibration(rows[0]) : null
  }

  async listCalibrations(roundId: string): Promise<CalibrationRecord[]> {
    await this.ready
    const { rows } = await this.pool.query<PeerReviewRow>(
      `SELECT ${COLUMNS.calibration} FROM calibrations WHERE round_id = $1 ORDER BY student_key`,
      [roundId],
    )
    return rows.map(toRecord.calibration)
  }
}

const INSERT_ASSIGNMENT = `INSERT INTO review_assignments (id, round_id, student_key, team, reviewer_pseudonym, position)
  VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (round_id, student_key, team) DO NOTHING`

function assignmentValues(a: AssignmentRecord): unknown[] {
  return [a.id, a.roundId, a.studentKey, a.team, a.reviewerPseudonym, a.position]
}
