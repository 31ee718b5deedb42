import type { SqliteDatabase } from './sqlite-database.ts'
import { COLUMNS, qualified, toRecord, type PeerReviewRow } from './peer-review-rows.ts'
import type { AssignmentRecord, CalibrationRecord, FlagRecord, PeerReviewStorage, RatingRecord, RoundRecord, RoundReviewRecord, StudentRecord } from './peer-review-types.ts'

/** Rosters, review rounds, assignments and round reviews in SQLite (the same rows as `postgres-peer-review.ts`). */
export class SqlitePeerReview implements PeerReviewStorage {
  constructor(private readonly db: SqliteDatabase) {}

  async putStudents(sessionId: string, students: Array<{ studentId: string; name: string; team: number }>, newKey: () => string): Promise<StudentRecord[]> {
    this.db.transaction(() => {
      const next = Number(this.db.statement('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM students WHERE session_id = ?').get(sessionId)?.next)
      const upsert = this.db.statement(
        `INSERT INTO students (key, session_id, student_id, name, team, generation, position) VALUES (?, ?, ?, ?, ?, 0, ?)
         ON CONFLICT (session_id, student_id) DO UPDATE SET name = excluded.name, team = excluded.team`,
      )
      students.forEach(({ studentId, name, team }, index) => upsert.run(newKey(), sessionId, studentId, name, team, next + index))
    })
    return this.listStudents(sessionId)
  }

  async listStudents(sessionId: string): Promise<StudentRecord[]> {
    return this.db.statement(`SELECT ${COLUMNS.student} FROM students WHERE session_id = ? ORDER BY position`).all(sessionId).map(toRecord.student)
  }

  async getStudent(key: string): Promise<StudentRecord | null> {
    const row = this.db.statement(`SELECT ${COLUMNS.student} FROM students WHERE key = ?`).get(key)
    return row ? toRecord.student(row) : null
  }

  async rotateStudent(sessionId: string, studentId: string): Promise<StudentRecord | null> {
    const row = this.db
      .statement(`UPDATE students SET generation = generation + 1 WHERE session_id = ? AND student_id = ? RETURNING ${COLUMNS.student}`)
      .get(sessionId, studentId)
    return row ? toRecord.student(row) : null
  }

  async createRound(round: RoundRecord, assignments: AssignmentRecord[]): Promise<void> {
    this.db.transaction(() => {
      this.db
        .statement('INSERT INTO review_rounds (id, session_id, created_at, data) VALUES (?, ?, ?, ?)')
        .run(round.id, round.sessionId, round.createdAt, round.data)
      this.insertAssignments(assignments)
    })
  }

  async getRound(id: string): Promise<RoundRecord | null> {
    const row = this.db.statement(`SELECT ${COLUMNS.round} FROM review_rounds WHERE id = ?`).get(id)
    return row ? toRecord.round(row) : null
  }

  async updateRoundData(id: string, data: string): Promise<void> {
    this.db.statement('UPDATE review_rounds SET data = ? WHERE id = ?').run(data, id)
  }

  async listRounds(sessionId: string): Promise<RoundRecord[]> {
    return this.db
      .statement(`SELECT ${COLUMNS.round} FROM review_rounds WHERE session_id = ? ORDER BY created_at, id`)
      .all(sessionId)
      .map(toRecord.round)
  }

  async addAssignments(assignments: AssignmentRecord[]): Promise<void> {
    this.db.transaction(() => this.insertAssignments(assignments))
  }

  private insertAssignments(assignments: AssignmentRecord[]): void {
    const insert = this.db.statement(
      `INSERT INTO review_assignments (${COLUMNS.assignment}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (round_id, student_key, team) DO NOTHING`,
    )
    for (const a of assignments) insert.run(a.id, a.roundId, a.studentKey, a.team, a.reviewerPseudonym, a.position)
  }

  async listAssignments(roundId: string): Promise<AssignmentRecord[]> {
    return this.db.statement(`SELECT ${COLUMNS.assignment} FROM review_assignments WHERE round_id = ? ORDER BY position`).all(roundId).map(toRecord.assignment)
  }

  async getAssignment(id: string): Promise<AssignmentRecord | null> {
    const row = this.db.statement(`SELECT ${COLUMNS.assignment} FROM review_assignments WHERE id = ?`).get(id)
    return row ? toRecord.assignment(row) : null
  }

  async assignmentsOfStudent(key: string): Promise<AssignmentRecord[]> {
    return this.db
      .statement(
        `SELECT ${qualified('a', COLUMNS.assignment)} FROM review_assignments a
         JOIN review_rounds r ON r.id = a.round_id WHERE a.student_key = ? ORDER BY r.created_at, r.id, a.position`,
      )
      .all(key)
      .map(toRecord.assignment)
  }

  async putRoundReview(review: RoundReviewRecord): Promise<void> {
    this.db
      .statement(
        `INSERT INTO round_reviews (${COLUMNS.review}) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (assignment_id) DO UPDATE SET content = excluded.content, status = excluded.status,
           updated_at = excluded.updated_at, submitted_at = excluded.submitted_at, late = excluded.late`,
      )
      .run(review.assignmentId, review.content, review.status, review.updatedAt, review.submittedAt, review.late ? 1 : 0)
  }

  async getRoundReview(assignmentId: string): Promise<RoundReviewRecord | null> {
    const row = this.db.statement(`SELECT ${COLUMNS.review} FROM round_reviews WHERE assignment_id = ?`).get(assignmentId)
    return row ? toRecord.roundReview(row) : null
  }

  async listRoundReviews(roundId: string): Promise<RoundReviewRecord[]> {
    return this.db
      .statement(
        `SELECT ${qualified('r', COLUMNS.review)} FROM round_reviews r
         JOIN review_assignments a ON a.id = r.assignment_id WHERE a.round_id = ? ORDER BY a.position`,
      )
      .all(roundId)
      .map(toRecord.roundReview)
  }

  async putRating({ assignmentId, studentKey, helpfulness, comment, updatedAt }: RatingRecord): Promise<void> {
    this.db
      .statement(
        `INSERT INTO review_ratings (assignment_id, student_key, helpfulness, comment, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (assignment_id, student_key) DO UPDATE SET helpfulness = excluded.helpfulness, comment = excluded.comment, updated_at = excluded.updated_at`,
      )
      .run(assignmentId, studentKey, helpfulness, comment, updatedAt)
  }

  async listRatings(roundId: string): Promise<RatingRecord[]> {
    return this.inRound('review_ratings', 'x.helpfulness, x.comment, x.updated_at', roundId).map(toRecord.rating)
  }

  async putFlag({ assignmentId, studentKey, reason, createdAt }: FlagRecord): Promise<void> {
    this.db
      .statement(
        `INSERT INTO review_flags (assignment_id, student_key, reason, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (assignment_id, student_key) DO UPDATE SET reason = excluded.reason, created_at = excluded.created_at`,
      )
      .run(assignmentId, studentKey, reason, createdAt)
  }

  async listFlags(roundId: string): Promise<FlagRecord[]> {
    return this.inRound('review_flags', 'x.reason, x.created_at', roundId).map(toRecord.flag)
  }

  /** Rows of `table` (keyed by assignment and student) for the round's assignments, in assignment order. */
  private inRound(table: string, columns: string, roundId: string): PeerReviewRow[] {
    return this.db
      .statement(
        `SELECT x.assignment_id, x.student_key, ${columns} FROM ${table} x
         JOIN review_assignments a ON a.id = x.assignment_id WHERE a.round_id = ? ORDER BY a.position, x.student_key`,
      )
      .all(roundId)
  }

  async setHidden(assignmentId: string, hidden: boolean, at: number): Promise<void> {
    if (hidden) this.db.statement('INSERT INTO hidden_reviews (assignment_id, hidden_at) VALUES (?, ?) ON CONFLICT (assignment_id) DO NOTHING').run(assignmentId, at)
    else this.db.statement('DELETE FROM hidden_reviews WHERE assignment_id = ?').run(assignmentId)
  }

  async listHidden(roundId: string): Promise<string[]> {
    return this.db
      .statement('SELECT h.assignment_id FROM hidden_reviews h JOIN review_assignments a ON a.id = h.assignment_id WHERE a.round_id = ? ORDER BY a.position')
      .all(roundId)
      .map((row) => String(row.assignment_id))
  }

  async addCalibration({ roundId, studentKey, scores, submittedAt }: CalibrationRecord): Promise<boolean> {
    const result = this.db
      .statement('INSERT INTO calibrations (round_id, student_key, scores, submitted_at) VALUES (?, ?, ?, ?) ON CONFLICT (round_id, student_key) DO NOTHING')
      .run(roundId, studentKey, scores, submittedAt)
    return Number(result.changes) === 1
  }

  async getCalibration(roundId: string, studentKey: string): Promise<CalibrationRecord | null> {
    const row = this.db.statement(`SELECT ${COLUMNS.calibration} FROM calibrations WHERE round_id = ? AND student_key = ?`).get(roundId, studentKey)
    return row ? toRecord.calibration(row) : null
  }

  async listCalibrations(roundId: string): Promise<CalibrationRecord[]> {
    return this.db.statement(`SELECT ${COLUMNS.calibration} FROM calibrations WHERE round_id = ? ORDER BY student_key`).all(roundId).map(toRecord.calibration)
  }
}
