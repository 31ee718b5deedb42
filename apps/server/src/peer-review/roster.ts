import { formatCsv, type RosterResponse, type RosterStudent } from '@concord/shared'
import type { StudentAccess } from '../access/student-access.ts'
import { randomId } from '../random-id.ts'
import type { StudentRecord } from '../storage/peer-review-types.ts'
import type { SessionRecord, Storage } from '../storage/types.ts'
import { PeerReviewRefusal } from './refusal.ts'
import type { ReviewRounds } from './rounds.ts'

/** A session's roster: importing students (late ones are assigned in the open rounds), their links, rotating one. */
export class Roster {
  constructor(
    private readonly storage: Storage,
    private readonly students: StudentAccess,
    private readonly rounds: ReviewRounds,
  ) {}

  /** Adds the students (or updates those already on the roster by student id); returns the whole roster. */
  async import(session: SessionRecord, students: readonly RosterStudent[]): Promise<RosterResponse> {
    const teams = new Set(session.boards.map(({ team }) => team))
    const strays = students.filter(({ team }) => !teams.has(team))
    if (strays.length > 0) {
      const list = strays.slice(0, 10).map(({ studentId, team }) => `${studentId} (team ${team})`)
      throw new PeerReviewRefusal(400, `The session has teams 1 to ${session.boards.length}; not: ${list.join(', ')}`)
    }
    const duplicate = students.find(({ studentId }, index) => students.findIndex((other) => other.studentId === studentId) !== index)
    if (duplicate) throw new PeerReviewRefusal(400, `student ${duplicate.studentId} is listed twice`)
    const before = new Set((await this.storage.peerReview.listStudents(session.id)).map(({ key }) => key))
    const roster = await this.storage.peerReview.putStudents(session.id, [...students], randomId)
    await this.rounds.assignLate(
      session.id,
      roster.filter(({ key }) => !before.has(key)),
    )
    return this.describe(roster)
  }

  async list(session: SessionRecord): Promise<RosterResponse> {
    return this.describe(await this.storage.peerReview.listStudents(session.id))
  }

  /** Revokes a student's link; the student with their new link, or null when not on the roster. */
  async rotate(session: SessionRecord, studentId: string): Promise<StudentRecord | null> {
    return this.storage.peerReview.rotateStudent(session.id, studentId)
  }

  /** The roster with each personal link made absolute with `origin`, for mail merge. */
  async csv(session: SessionRecord, origin: string): Promise<string> {
    const { students } = await this.list(session)
    return formatCsv([['student_id', 'name', 'team', 'link'], ...students.map(({ studentId, name, team, link }) => [studentId, name, team, origin + link])])
  }

  private async describe(roster: readonly StudentRecord[]): Promise<RosterResponse> {
    const students = []
    for (const student of roster) {
      students.push({ studentId: student.studentId, name: student.name, team: student.team, link: await this.students.link(student) })
    }
    return { students }
  }
}
