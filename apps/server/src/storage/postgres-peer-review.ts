import type { Pool } from 'pg'
import { inTransaction } from './postgres-transaction.ts'
import type {
  AssignmentRecord,
  CalibrationRecord,
  FlagRecord,
  PeerReviewStorage,
  RatingRecord,
  RoundRecord,
  RoundReviewRecord,
  StudentRecord,
} from './peer-review-types.ts'

interface StudentRow {
  key: string
  session_id: string
  student_id: string
  name: string
  team: number
  generation: number
}
interface RoundRow {
  id: string
  session_id: string
  created_at: string
  data: string
}
interface AssignmentRow {
  id: string
  round_id: string
  student_key: string
  team: number
  reviewer_pseudonym: string
  position: number
}
interface ReviewRow {
  assignment_id: string
  content: string
  status: string
  updated_at: string
  submitted_at: string | null
  late: number
}

interface RatingRow {
  assignment_id: string
  student_key: string
  helpfulness: number
  comment: string
  updated_at: string
}
interface FlagRow {
  assignment_id: string
  student_key: string
  reason: string
  created_at: string
}
interface CalibrationRow {
  round_id: string
  student_key: string
  scores: string
  submitted_at: string
}

const STUDENT_COLUMNS = 'key, session_id, student_id, name, team, generation'
const ASSIGNMENT_COLUMNS = 'a.id, a.round_id, a.student_key, a.team, a.reviewer_pseudonym, a.position'
const REVIEW_COLUMNS = 'r.assignment_id, r.content, r.status, r.updated_at, r.submitted_at, r.late'

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
    const { rows } = await this.pool.query<StudentRow>(`SELECT ${STUDENT_COLUMNS} FROM students WHERE session_id = $1 ORDER BY position`, [sessionId])
    return rows.map(student)
  }

  async getStudent(key: string): Promise<StudentRecord | null> {
    await this.ready
    const { rows } = await this.pool.query<StudentRow>(`SELECT ${STUDENT_COLUMNS} FROM students WHERE key = $1`, [key])
    return rows[0] ? student(rows[0]) : null
  }

  async rotateStudent(sessionId: string, studentId: string): Promise<StudentRecord | null> {
    await this.ready
    const { rows } = await this.pool.query<StudentRow>(
      `UPDATE students SET generation = generation + 1 WHERE session_id = $1 AND student_id = $2 RETURNING ${STUDENT_COLUMNS}`,
      [sessionId, studentId],
    )
    return rows[0] ? student(rows[0]) : null
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
    const { rows } = await this.pool.query<RoundRow>('SELECT id, session_id, created_at, data FROM review_rounds WHERE id = $1', [id])
    return rows[0] ? roundOf(rows[0]) : null
  }

  async updateRoundData(id: string, data: string): Promise<void> {
    await this.ready
    await this.pool.query('UPDATE review_rounds SET data = $1 WHERE id = $2', [data, id])
  }

  async listRounds(sessionId: string): Promise<RoundRecord[]> {
    await this.ready
    const { rows } = await this.pool.query<RoundRow>(
      'SELECT id, session_id, created_at, data FROM review_rounds WHERE session_id = $1 ORDER BY created_at, id',
      [sessionId],
    )
    return rows.map(roundOf)
  }

  async addAssignments(assignments: AssignmentRecord[]): Promise<void> {
    await this.ready
    await inTransaction(this.pool, async (client) => {
      for (const a of assignments) await client.query(INSERT_ASSIGNMENT, assignmentValues(a))
    })
  }

  async listAssignments(roundId: string): Promise<AssignmentRecord[]> {
    await this.ready
    const { rows } = await this.pool.query<AssignmentRow>(`SELECT ${ASSIGNMENT_COLUMNS} FROM review_assignments a WHERE a.round_id = $1 ORDER BY a.position`, [roundId])
    return rows.map(assignment)
  }

  async getAssignment(id: string): Promise<AssignmentRecord | null> {
    await this.ready
    const { rows } = await this.pool.query<AssignmentRow>(`SELECT ${ASSIGNMENT_COLUMNS} FROM review_assignments a WHERE a.id = $1`, [id])
    return rows[0] ? assignment(rows[0]) : null
  }

  async assignmentsOfStudent(key: string): Promise<AssignmentRecord[]> {
    await this.ready
    const { rows } = await this.pool.query<AssignmentRow>(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM review_assignments a JOIN review_rounds r ON r.id = a.round_id
       WHERE a.student_key = $1 ORDER BY r.created_at, r.id, a.position`,
      [key],
    )
    return rows.map(assignment)
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
    const { rows } = await this.pool.query<ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM round_reviews r WHERE r.assignment_id = $1`, [assignmentId])
    return rows[0] ? roundReview(rows[0]) : null
  }

  async listRoundReviews(roundId: string): Promise<RoundReviewRecord[]> {
    await this.ready
    const { rows } = await this.pool.query<ReviewRow>(
      `SELECT ${REVIEW_COLUMNS} FROM round_reviews r JOIN review_assignments a ON a.id = r.assignment_id WHERE a.round_id = $1 ORDER BY a.position`,
      [roundId],
    )
    return rows.map(roundReview)
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
    const rows = await this.inRound<RatingRow>('review_ratings', 'x.helpfulness, x.comment, x.updated_at', roundId)
    return rows.map((row) => ({
      assignmentId: row.assignment_id,
      studentKey: row.student_key,
      helpfulness: Number(row.helpfulness),
      comment: row.comment,
      updatedAt: Number(row.updated_at),
    }))
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
    const rows = await this.inRound<FlagRow>('review_flags', 'x.reason, x.created_at', roundId)
    return rows.map((row) => ({ assignmentId: row.assignment_id, studentKey: row.student_key, reason: row.reason, createdAt: Number(row.created_at) }))
  }

  /** Rows of `table` (keyed by assignment and student) for the round's assignments, in assignment order. */
  private async inRound<T extends { assignment_id: string; student_key: string }>(table: string, columns: string, roundId: string): Promise<T[]> {
    await this.ready
    const { rows } = await this.pool.query<T>(
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
    const { rows } = await this.pool.query<CalibrationRow>(
      'SELECT round_id, student_key, scores, submitted_at FROM calibrations WHERE round_id = $1 AND student_key = $2',
      [roundId, studentKey],
    )
    return rows[0] ? calibration(rows[0]) : null
  }

  async listCalibrations(roundId: string): Promise<CalibrationRecord[]> {
    await this.ready
    const { rows } = await this.pool.query<CalibrationRow>(
      'SELECT round_id, student_key, scores, submitted_at FROM calibrations WHERE round_id = $1 ORDER BY student_key',
      [roundId],
    )
    return rows.map(calibration)
  }
}

function calibration(row: CalibrationRow): CalibrationRecord {
  return { roundId: row.round_id, studentKey: row.student_key, scores: row.scores, submittedAt: Number(row.submitted_at) }
}

const INSERT_ASSIGNMENT = `INSERT INTO review_assignments (id, round_id, student_key, team, reviewer_pseudonym, position)
  VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (round_id, student_key, team) DO NOTHING`

function assignmentValues(a: AssignmentRecord): unknown[] {
  return [a.id, a.roundId, a.studentKey, a.team, a.reviewerPseudonym, a.position]
}

function student(row: StudentRow): StudentRecord {
  return { key: row.key, sessionId: row.session_id, studentId: row.student_id, name: row.name, team: Number(row.team), generation: Number(row.generation) }
}

function roundOf(row: RoundRow): RoundRecord {
  return { id: row.id, sessionId: row.session_id, createdAt: Number(row.created_at), data: row.data }
}

function assignment(row: AssignmentRow): AssignmentRecord {
  return {
    id: row.id,
    roundId: row.round_id,
    studentKey: row.student_key,
    team: Number(row.team),
    reviewerPseudonym: row.reviewer_pseudonym,
    position: Number(row.position),
  }
}

function roundReview(row: ReviewRow): RoundReviewRecord {
  return {
    assignmentId: row.assignment_id,
    content: row.content,
    status: row.status === 'submitted' ? 'submitted' : 'draft',
    updatedAt: Number(row.updated_at),
    submittedAt: row.submitted_at === null ? null : Number(row.submitted_at),
    late: Number(row.late) === 1,
  }
}
