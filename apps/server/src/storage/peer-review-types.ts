/** A student on a session's roster. `key` is the server's random id for them, what their token is signed over. */
export interface StudentRecord {
  key: string
  sessionId: string
  /** The institution's id, unique within the session. */
  studentId: string
  name: string
  team: number
  /** Bumped to revoke the student's earlier links. */
  generation: number
}

/** A review round of a session; `data` is its settings, submissions and seed as JSON (`peer-review/round-data.ts`). */
export interface RoundRecord {
  id: string
  sessionId: string
  createdAt: number
  data: string
}

/** One student reviewing one team's submission in a round. */
export interface AssignmentRecord {
  id: string
  roundId: string
  studentKey: string
  /** The reviewed team. */
  team: number
  /** How the reviewed team sees this reviewer under double-blind ("Reviewer 2"). */
  reviewerPseudonym: string
  /** Order within the round, so late students come last. */
  position: number
}

/** A student's review of their assignment; `content` is `RoundReviewContent` as JSON. */
export interface RoundReviewRecord {
  assignmentId: string
  content: string
  status: 'draft' | 'submitted'
  updatedAt: number
  submittedAt: number | null
  late: boolean
}

/** A reviewed team member's helpfulness rating (1 to 5) of a review they received: one per review and student. */
export interface RatingRecord {
  assignmentId: string
  studentKey: string
  helpfulness: number
  comment: string
  updatedAt: number
}

/** A reviewed team member flagging a review they received as inappropriate: one per review and student. */
export interface FlagRecord {
  assignmentId: string
  studentKey: string
  reason: string
  createdAt: number
}

/** A student's scores of a round's calibration example; `scores` is `{ criterion: score }` as JSON. */
export interface CalibrationRecord {
  roundId: string
  studentKey: string
  scores: string
  submittedAt: number
}

/**
 * Rosters, review rounds, assignments and round reviews, in SQLite or PostgreSQL alike
 * (`sqlite-peer-review.ts`, `postgres-peer-review.ts`): every node serves rounds from here.
 */
export interface PeerReviewStorage {
  /**
   * Adds students to a session's roster, or updates the name and team of those already on it
   * (matched by student id, keeping their key and generation); returns the whole roster in
   * import order. `newKey` makes the key of a student not yet on it.
   */
  putStudents(sessionId: string, students: Array<{ studentId: string; name: string; team: number }>, newKey: () => string): Promise<StudentRecord[]>
  listStudents(sessionId: string): Promise<StudentRecord[]>
  getStudent(key: string): Promise<StudentRecord | null>
  /** Bumps a student's generation; the updated student, or null when not on the roster. */
  rotateStudent(sessionId: string, studentId: string): Promise<StudentRecord | null>

  /** Stores a round with its assignments in one transaction. */
  createRound(round: RoundRecord, assignments: AssignmentRecord[]): Promise<void>
  getRound(id: string): Promise<RoundRecord | null>
  /** Replaces a round's `data` (its settings, such as the grade weights). */
  updateRoundData(id: string, data: string): Promise<void>
  /** A session's rounds, oldest first. */
  listRounds(sessionId: string): Promise<RoundRecord[]>
  /** Adds assignments to a round (a late student's); ones the round already has are left as they are. */
  addAssignments(assignments: AssignmentRecord[]): Promise<void>
  /** A round's assignments in order. */
  listAssignments(roundId: string): Promise<AssignmentRecord[]>
  getAssignment(id: string): Promise<AssignmentRecord | null>
  /** Every assignment of a student, over all rounds, in order. */
  assignmentsOfStudent(key: string): Promise<AssignmentRecord[]>

  putRoundReview(review: RoundReviewRecord): Promise<void>
  getRoundReview(assignmentId: string): Promise<RoundReviewRecord | null>
  /** The reviews written in a round (drafts too). */
  listRoundReviews(roundId: string): Promise<RoundReviewRecord[]>

  /** Stores a rating, replacing the student's earlier one of the same review. */
  putRating(rating: RatingRecord): Promise<void>
  listRatings(roundId: string): Promise<RatingRecord[]>
  /** Stores a flag, replacing the student's earlier one of the same review. */
  putFlag(flag: FlagRecord): Promise<void>
  listFlags(roundId: string): Promise<FlagRecord[]>
  setHidden(assignmentId: string, hidden: boolean, at: number): Promise<void>
  /** The ids of the round's assignments whose review the instructor hid. */
  listHidden(roundId: string): Promise<string[]>

  /** Stores a student's calibration scores once; false when they already gave theirs. */
  addCalibration(calibration: CalibrationRecord): Promise<boolean>
  getCalibration(roundId: string, studentKey: string): Promise<CalibrationRecord | null>
  listCalibrations(roundId: string): Promise<CalibrationRecord[]>
}
