import type { AssignmentRecord, CalibrationRecord, FlagRecord, RatingRecord, RoundRecord, RoundReviewRecord, StudentRecord } from './peer-review-types.ts'

/**
 * A row of the peer review tables as either database returns it: SQLite and PostgreSQL hold the
 * same columns (`schema.ts`), but PostgreSQL returns BIGINT times as strings, so every value is
 * converted here rather than trusted to have the record's type.
 */
export type PeerReviewRow = Readonly<Record<string, unknown>>

/** The columns each record is read from, in the order both databases select them. */
export const COLUMNS = {
  student: 'key, session_id, student_id, name, team, generation',
  round: 'id, session_id, created_at, data',
  assignment: 'id, round_id, student_key, team, reviewer_pseudonym, position',
  review: 'assignment_id, content, status, updated_at, submitted_at, late',
  calibration: 'round_id, student_key, scores, submitted_at',
} as const

/** `columns` (a list as above) each prefixed with a table alias, for joins. */
export function qualified(alias: string, columns: string): string {
  return columns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ')
}

/** Reads one field of a record from its row. */
type Field<T> = (row: PeerReviewRow) => T

function text(column: string): Field<string> {
  return (row) => String(row[column])
}

function integer(column: string): Field<number> {
  return (row) => Number(row[column])
}

function optionalInteger(column: string): Field<number | null> {
  return (row) => (row[column] === null ? null : Number(row[column]))
}

/** A record's reader from one field reader per property. */
function reader<T>(fields: { [K in keyof T]: Field<T[K]> }): Field<T> {
  const entries = Object.entries(fields) as Array<[string, Field<unknown>]>
  return (row) => Object.fromEntries(entries.map(([key, field]) => [key, field(row)])) as T
}

/** Each peer review record from its row. */
export const toRecord = {
  student: reader<StudentRecord>({
    key: text('key'),
    sessionId: text('session_id'),
    studentId: text('student_id'),
    name: text('name'),
    team: integer('team'),
    generation: integer('generation'),
  }),
  round: reader<RoundRecord>({ id: text('id'), sessionId: text('session_id'), createdAt: integer('created_at'), data: text('data') }),
  assignment: reader<AssignmentRecord>({
    id: text('id'),
    roundId: text('round_id'),
    studentKey: text('student_key'),
    team: integer('team'),
    reviewerPseudonym: text('reviewer_pseudonym'),
    position: integer('position'),
  }),
  roundReview: reader<RoundReviewRecord>({
    assignmentId: text('assignment_id'),
    content: text('content'),
    status: (row) => (row.status === 'submitted' ? 'submitted' : 'draft'),
    updatedAt: integer('updated_at'),
    submittedAt: optionalInteger('submitted_at'),
    late: (row) => Number(row.late) === 1,
  }),
  rating: reader<RatingRecord>({
    assignmentId: text('assignment_id'),
    studentKey: text('student_key'),
    helpfulness: integer('helpfulness'),
    comment: text('comment'),
    updatedAt: integer('updated_at'),
  }),
  flag: reader<FlagRecord>({ assignmentId: text('assignment_id'), studentKey: text('student_key'), reason: text('reason'), createdAt: integer('created_at') }),
  calibration: reader<CalibrationRecord>({ roundId: text('round_id'), studentKey: text('student_key'), scores: text('scores'), submittedAt: integer('submitted_at') }),
}
