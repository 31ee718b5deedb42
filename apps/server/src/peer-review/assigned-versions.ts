import type { VersionResponse } from '@concord/shared'
import type { BoardVersions } from '../boards/board-versions.ts'
import type { StudentRecord } from '../storage/peer-review-types.ts'
import type { Storage } from '../storage/types.ts'
import { readRound } from './round-data.ts'

/**
 * The frozen versions a student reviews, the only thing of another team's board their token
 * reaches. Under single- and double-blind the version carries the design's pseudonym instead of
 * the name the team gave it, and the tldraw document record no name; `user` records (who took
 * part) never leave the server with a version. Text the team wrote on the canvas stays as it is.
 * A round's calibration example is open to every student of the session, always under a pseudonym.
 */
export class AssignedVersions {
  constructor(
    private readonly storage: Storage,
    private readonly versions: BoardVersions,
  ) {}

  /** The version if it is assigned to the student, else null (answered like an unknown version). */
  async get(student: StudentRecord, boardId: string, versionId: string): Promise<VersionResponse | null> {
    for (const assignment of await this.storage.peerReview.assignmentsOfStudent(student.key)) {
      const record = await this.storage.peerReview.getRound(assignment.roundId)
      if (!record) continue
      const round = readRound(record)
      const submission = round.submissions.find(({ team }) => team === assignment.team)
      if (submission?.boardId !== boardId || submission.versionId !== versionId) continue
      const version = await this.versions.get(boardId, versionId)
      return version && round.anonymity !== 'none' ? pseudonymous(version, submission.pseudonym) : version
    }
    return this.calibrationExample(student, boardId, versionId)
  }

  /** A round's calibration example, which every student of the session scores: always under a pseudonym. */
  private async calibrationExample(student: StudentRecord, boardId: string, versionId: string): Promise<VersionResponse | null> {
    const rounds = (await this.storage.peerReview.listRounds(student.sessionId)).map(readRound)
    if (!rounds.some(({ calibration }) => calibration?.boardId === boardId && calibration.versionId === versionId)) return null
    const version = await this.versions.get(boardId, versionId)
    return version && pseudonymous(version, CALIBRATION_EXAMPLE_NAME)
  }
}

/** What reviewers see of the calibration example's name. */
const CALIBRATION_EXAMPLE_NAME = 'Calibration example'

/** The version under `name`, the tldraw document record's name emptied. */
function pseudonymous(version: VersionResponse, name: string): VersionResponse {
  const records = version.records.map((record) => (record.typeName === 'document' ? { ...record, name: '' } : record))
  return { ...version, name, records }
}
