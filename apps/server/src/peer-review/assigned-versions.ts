import { parseBoardAssetPath, reviewAssetPath, type JsonRecord, type VersionResponse } from '@concord/shared'
import type { BoardVersions } from '../boards/board-versions.ts'
import type { StudentRecord } from '../storage/peer-review-types.ts'
import type { Storage } from '../storage/types.ts'
import { readRound } from './round-data.ts'

/**
 * The frozen versions a student reviews, the only thing of another team's board their token
 * reaches. Under single- and double-blind the version carries the design's pseudonym instead of
 * the name the team gave it, and the tldraw document record no name; `user` records (who took
 * part) never leave the server with a version. Images are loaded through the round
 * (`reviewAssetPath`) rather than from the board's asset store, whose URLs name the board, and
 * lose their file names. Text the team wrote on the canvas stays as it is.
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
      return version && round.anonymity !== 'none' ? pseudonymous(version, submission.pseudonym, round.id) : version
    }
    return this.calibrationExample(student, boardId, versionId)
  }

  /** A round's calibration example, which every student of the session scores: always under a pseudonym. */
  private async calibrationExample(student: StudentRecord, boardId: string, versionId: string): Promise<VersionResponse | null> {
    const rounds = (await this.storage.peerReview.listRounds(student.sessionId)).map(readRound)
    const round = rounds.find(({ calibration }) => calibration?.boardId === boardId && calibration.versionId === versionId)
    if (!round) return null
    const version = await this.versions.get(boardId, versionId)
    return version && pseudonymous(version, CALIBRATION_EXAMPLE_NAME, round.id)
  }

  /**
   * The stored image behind `reviewAssetPath(roundId, versionId, assetRecordId)`: the one that
   * record of the round's submitted version (or calibration example) points at, else null. The
   * round, version and record ids are the capability, as a board's and an asset's id are for
   * the board's images (an `<img>` sends no token).
   */
  async asset(roundId: string, versionId: string, assetRecordId: string): Promise<{ boardId: string; assetId: string } | null> {
    const record = await this.storage.peerReview.getRound(roundId)
    if (!record) return null
    const { submissions, calibration } = readRound(record)
    const boardId = [...submissions, ...(calibration ? [calibration] : [])].find((version) => version.versionId === versionId)?.boardId
    const version = boardId === undefined ? null : await this.versions.get(boardId, versionId)
    const asset = version?.records.find(({ id, typeName }) => typeName === 'asset' && id === assetRecordId)
    return parseBoardAssetPath(propsOf(asset)?.src)
  }
}

/** What reviewers see of the calibration example's name. */
const CALIBRATION_EXAMPLE_NAME = 'Calibration example'

/** The version under `name`, the tldraw document record's name emptied, its uploaded images loaded through the round. */
function pseudonymous(version: VersionResponse, name: string, roundId: string): VersionResponse {
  const records = version.records.map((record) => {
    if (record.typeName === 'document') return { ...record, name: '' }
    const props = propsOf(record)
    if (record.typeName !== 'asset' || !props || !parseBoardAssetPath(props.src)) return record
    return { ...record, props: { ...props, name: '', src: reviewAssetPath(roundId, version.id, record.id) } }
  })
  return { ...version, name, records }
}

function propsOf(record: Readonly<Record<string, unknown>> | undefined): JsonRecord | null {
  const props = record?.props
  return typeof props === 'object' && props !== null && !Array.isArray(props) ? (props as JsonRecord) : null
}
