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

/** How a restore names the version that keeps the live design: such backups are never a team's submission. */
const RESTORE_BACKUP_PREFIX = 'Before restoring “'

export function isRestoreBackup(versionName: string): boolean {
  return versionName.startsWith(RESTORE_BACKUP_PREFIX)
}

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

  async submit(boardId: string, name: string): Promise<VersionInfoResponse> {
    const connection = await this.hocuspocus.openDirectConnection(boardDocumentName(boardId))
    let state: Uint8Array
    try {
      state = Y.encodeStateAsUpdate(connection.document!)
    } finally {
      await connection.disconnect()
    }
    const version = { id: randomId(), name, createdAt: Date.now() }
    await this.storage.addVersion(boardId, { ...version, state })
    this.announce(boardId)
    this.log.info({ boardId, versionId: version.id, bytes: state.byteLength }, 'version submitted')
    return version
  }

  list(boardId: string): Promise<VersionInfoResponse[]> {
    return this.storage.listVersions(boardId)
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
    await this.submit(boardId, `${RESTORE_BACKUP_PREFIX}${version.name}”`.slice(0, MAX_VERSION_NAME))
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
