import { parseBoardAssetPath, reviewAssetPath, type JsonRecord, type VersionResponse } from '@concord/shared'
import type { BoardVersions } from '../boards/board-versions.ts'
import type { StudentRecord } from '../storage/peer-review-types.ts'
import type { Storage } from '../storage/types.ts'
import { notFound } from './refusal.ts'
import { readRound } from './round-data.ts'

/**
 * The frozen versions a student reviews, the only thing of another team's board their token
 * reaches, asked for by assignment (or round, for its calibration example) so that the student
 * never learns the board's id. Images are always loaded through the round (`reviewAssetPath`)
 * rather than from the board's asset store, whose URLs name the board. Under single- and
 * double-blind the version also carries the design's pseudonym instead of the name the team gave
 * it, the tldraw document record no name, and images no file names; `user` records (who took
 * part) never leave the server with a version. Text the team wrote on the canvas stays as it is.
 * A round's calibration example is open to every student of the session, always under a pseudonym.
 */
export class AssignedVersions {
  constructor(
    private readonly storage: Storage,
    private readonly versions: BoardVersions,
  ) {}

  /** The version the student's assignment is about; a 404 for anyone else's assignment, as for an unknown one. */
  async ofAssignment(student: StudentRecord, assignmentId: string): Promise<VersionResponse> {
    const assignment = await this.storage.peerReview.getAssignment(assignmentId)
    const record = assignment?.studentKey === student.key ? await this.storage.peerReview.getRound(assignment.roundId) : null
    const round = record && readRound(record)
    const submission = round?.submissions.find(({ team }) => team === assignment?.team)
    const version = submission ? await this.versions.get(submission.boardId, submission.versionId) : null
    if (!round || !submission || !version) throw notFound('version')
    return round.anonymity === 'none' ? throughRound(version, round.id) : pseudonymous(version, submission.pseudonym, round.id)
  }

  /** The calibration example of a round of the student's session, always under a pseudonym. */
  async calibrationExample(student: StudentRecord, roundId: string): Promise<VersionResponse> {
    const record = await this.storage.peerReview.getRound(roundId)
    const round = record?.sessionId === student.sessionId ? readRound(record) : null
    const example = round?.calibration
    const version = example ? await this.versions.get(example.boardId, example.versionId) : null
    if (!round || !version) throw notFound('version')
    return pseudonymous(version, CALIBRATION_EXAMPLE_NAME, round.id)
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

/** The version under `name`, the tldraw document record's name and its images' file names emptied, its images loaded through the round. */
function pseudonymous(version: VersionResponse, name: string, roundId: string): VersionResponse {
  const records = throughRound(version, roundId).records.map((record) => {
    if (record.typeName === 'document') return { ...record, name: '' }
    const props = propsOf(record)
    return record.typeName === 'asset' && props ? { ...record, props: { ...props, name: '' } } : record
  })
  return { ...version, name, records }
}

/** The version with its uploaded images loaded through the round instead of the board's asset store. */
function throughRound(version: VersionResponse, roundId: string): VersionResponse {
  const records = version.records.map((record) => {
    const props = propsOf(record)
    if (record.typeName !== 'asset' || !props || !parseBoardAssetPath(props.src)) return record
    return { ...record, props: { ...props, src: reviewAssetPath(roundId, version.id, record.id) } }
  })
  return { ...version, records }
}

function propsOf(record: Readonly<Record<string, unknown>> | undefined): JsonRecord | null {
  const props = record?.props
  return typeof props === 'object' && props !== null && !Array.isArray(props) ? (props as JsonRecord) : null
}
