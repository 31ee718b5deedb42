import type { Pool } from 'pg'
import { inTransaction } from './postgres-transaction.ts'
import type { AssignmentRecord, PeerReviewStorage, RoundRecord, RoundReviewRecord, StudentRecord } from './peer-review-types.ts'

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
