import * as Y from 'yjs'
import type { Hocuspocus } from '@hocuspocus/server'
import {
  BOARD_CHANNEL,
  boardDocumentName,
  compareSchemas,
  deleteRecord,
  getRecordsMap,
  readAllRecords,
  readStoredSchema,
  writeRecord,
  writeStoredSchema,
  type JsonRecord,
  type StoredSchema,
  type VersionInfoResponse,
  type VersionResponse,
} from '@concord/shared'
import type { Logger } from 'pino'
import type { CollabContext } from '../collab/context.ts'
import { broadcastStateless } from '../collab/stateless.ts'
import { randomId } from '../random-id.ts'
import type { Storage } from '../storage/types.ts'

/** The longest version name `POST /api/boards/:id/versions` accepts. */
const MAX_VERSION_NAME = 100

/** How a restore names the version that keeps the live design (stored with `backup`: never a team's submission). */
const RESTORE_BACKUP_PREFIX = 'Before restoring “'

/** Records a restore leaves alone: who took part is not part of the design. */
const KEPT_ON_RESTORE = new Set(['user'])

/**
 * Versions of a board's design submitted for review: frozen copies of the live design document,
 * listed and read by every link holder, restored by the owner as a normal change on top of the
 * live board (which everyone sees). Restoring first keeps the live design as a version of its own,
 * so a restore is undone by restoring that one.
 */
export class BoardVersions {
  constructor(
    private readonly storage: Storage,
    private readonly hocuspocus: Hocuspocus<CollabContext>,
    private readonly log: Logger,
  ) {}

  /** Freezes the live design as a version; `backup` for the copy a restore keeps, which the team did not submit. */
  async submit(boardId: string, name: string, backup = false): Promise<VersionInfoResponse> {
    const connection = await this.hocuspocus.openDirectConnection(boardDocumentName(boardId))
    let state: Uint8Array
    try {
      state = Y.encodeStateAsUpdate(connection.document!)
    } finally {
      await connection.disconnect()
    }
    const version = { id: randomId(), name, createdAt: Date.now() }
    await this.storage.addVersion(boardId, { ...version, backup, state })
    this.announce(boardId)
    this.log.info({ boardId, versionId: version.id, bytes: state.byteLength }, 'version submitted')
    return version
  }

  async list(boardId: string): Promise<VersionInfoResponse[]> {
    return (await this.storage.listVersions(boardId)).map(({ id, name, createdAt }) => ({ id, name, createdAt }))
  }

  /**
   * The latest version the team submitted before `versionId` (before now when null), with its
   * records: what the design report lists changes since. Backups a restore made do not count.
   */
  async previousSubmitted(boardId: string, versionId: string | null): Promise<VersionResponse | null> {
    const versions = await this.storage.listVersions(boardId)
    const end = versionId === null ? versions.length : versions.findIndex((version) => version.id === versionId)
    const previous = versions.slice(0, Math.max(0, end)).findLast((version) => !version.backup)
    return previous ? this.get(boardId, previous.id) : null
  }

  /** The version with its records, or null when the board has no such version. */
  async get(boardId: string, versionId: string): Promise<VersionResponse | null> {
    const version = await this.storage.getVersion(boardId, versionId)
    if (!version) return null
    const { records, schema } = contentOf(version.state)
    return { id: version.id, name: version.name, createdAt: version.createdAt, records, schema }
  }

  /** Keeps the live design as a version, then makes it equal to the version, in one change every open board receives. */
  async restore(boardId: string, versionId: string): Promise<boolean> {
    const version = await this.storage.getVersion(boardId, versionId)
    if (!version) return false
    await this.submit(boardId, `${RESTORE_BACKUP_PREFIX}${version.name}”`.slice(0, MAX_VERSION_NAME), true)
    const { records: target, schema } = contentOf(version.state)
    const wanted = new Set(target.map((record) => record.id))
    const connection = await this.hocuspocus.openDirectConnection(boardDocumentName(boardId))
    try {
      await connection.transact((doc) => {
        const records = getRecordsMap(doc)
        for (const record of readAllRecords(records)) {
          if (!wanted.has(record.id) && !KEPT_ON_RESTORE.has(record.typeName)) deleteRecord(records, record.id)
        }
        for (const record of target) writeRecord(records, record)
        // Records of an older schema make the board that old again: clients migrate it, as they migrate any older board.
        const live = readStoredSchema(doc)
        if (schema && live && compareSchemas(schema, live) === 'older') writeStoredSchema(doc, schema, null)
      })
    } finally {
      await connection.disconnect()
    }
    this.log.info({ boardId, versionId }, 'version restored')
    return true
  }

  /** The list of versions changed: tell the open boards (of every role) to fetch it again. */
  private announce(boardId: string): void {
    broadcastStateless(this.hocuspocus.documents.get(boardDocumentName(boardId)), { channel: BOARD_CHANNEL, type: 'versions' })
  }
}

/** A version's design records and the schema they were written with. */
function contentOf(state: Uint8Array): { records: JsonRecord[]; schema: StoredSchema | null } {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    const records = readAllRecords(getRecordsMap(doc)).filter((record) => !KEPT_ON_RESTORE.has(record.typeName))
    return { records, schema: readStoredSchema(doc) }
  } finally {
    doc.destroy()
  }
}
