import type { Hocuspocus } from '@hocuspocus/server'
import {
  boardAssetPath,
  boardDocumentName,
  getBoardMap,
  getRecordsMap,
  isBoardAssetPath,
  readAllRecords,
  readThreads,
  reviewDocumentName,
  type BoardLinks,
  type CreateBoardResponse,
  type JsonRecord,
  type ReviewThread,
  type Role,
} from '@concord/shared'
import type { Logger } from 'pino'
import type { BoardAccess } from '../access/board-access.ts'
import { BoardConnections } from '../collab/board-connections.ts'
import type { ConnectionRevocations } from '../collab/connection-revocations.ts'
import type { CollabContext } from '../collab/context.ts'
import { randomId } from '../random-id.ts'
import type { BoardRecord, SessionRecord, Storage } from '../storage/types.ts'
import { createBoard } from './create-board.ts'

type DirectConnection = Awaited<ReturnType<Hocuspocus<CollabContext>['openDirectConnection']>>

/**
 * What a board's owner can do to it: rotate links, rename, duplicate, delete. Each keeps the
 * registry, the stored documents and the live Hocuspocus documents consistent.
 */
export class BoardAdmin {
  private readonly connections: BoardConnections

  constructor(
    private readonly storage: Storage,
    private readonly access: BoardAccess,
    private readonly hocuspocus: Hocuspocus<CollabContext>,
    private readonly log: Logger,
    /** Ends connections of rotated links and deleted boards on every node. */
    private readonly revocations: ConnectionRevocations,
  ) {
    this.connections = new BoardConnections(hocuspocus)
    revocations.onDeletedElsewhere((boardId) => {
      void this.eraseOnceUnloaded(boardId).then(
        () => this.log.info({ boardId }, 'board deleted on another node: its connections here closed'),
        (error: unknown) => this.log.error({ err: error, boardId }, 'could not erase a board deleted on another node'),
      )
    })
  }

  /**
   * Revokes a role's link and issues a new one. Connections opened with the old link are closed
   * at once, on the design and the review document alike, on every node.
   */
  async rotateLink(board: BoardRecord, role: Role): Promise<BoardLinks> {
    const generation = await this.storage.rotateLinkGeneration(board.id, role)
    if (generation === null) throw new Error(`board ${board.id} vanished during link rotation`)
    const closed = this.revocations.revoke({ kind: 'role', boardId: board.id, role, generation })
    this.log.info({ boardId: board.id, role, generation, closedConnections: closed }, 'link rotated')
    return this.access.linksOf({ ...board, linkGenerations: { ...board.linkGenerations, [role]: generation } })
  }

  /** Closes the connections to the session's boards opened with an instructor token older than `generation`, on every node; returns how many here. */
  closeInstructorConnections(session: SessionRecord, generation: number): number {
    return this.revocations.revoke({ kind: 'instructor', boardIds: session.boards.map(({ boardId }) => boardId), generation })
  }

  /** Closes a student's connections to their team board made with a token older than `generation`, on every node; returns how many here. */
  closeStudentConnections(boardId: string, key: string, generation: number): number {
    return this.revocations.revoke({ kind: 'student', boardId, key, generation })
  }

  /** Renames the board in the registry and in its document, so open boards show the new title live. */
  async rename(board: BoardRecord, title: string): Promise<void> {
    await this.storage.renameBoard(board.id, title)
    await this.withDocument(boardDocumentName(board.id), async (connection) => {
      await connection.transact((doc) => getBoardMap(doc).set('title', title))
    })
  }

  /** A new board (new links) with the design's current records, its images copied along. */
  async duplicate(board: BoardRecord, title: string): Promise<CreateBoardResponse> {
    const records = await this.designRecords(board.id)
    const id = randomId()
    const created = await createBoard(this.storage, this.access, {
      id,
      title,
      records: records.map((record) => withAssetsOf(record, board.id, id)),
    })
    await this.storage.copyAssets(board.id, id)
    this.log.info({ boardId: id, from: board.id }, 'board duplicated')
    return created
  }

  /** The live design's records (the board document as the codec reads it). */
  designRecords(boardId: string): Promise<JsonRecord[]> {
    return this.withDocument(boardDocumentName(boardId), async (connection) => readAllRecords(getRecordsMap(connection.document!)))
  }

  /** The threads of the board's review document, oldest first. */
  reviewThreads(boardId: string): Promise<ReviewThread[]> {
    return this.withDocument(reviewDocumentName(boardId), async (connection) => readThreads(connection.document!))
  }

  /**
   * Deletes the board and all its data. The registry goes first, so no new connection gets in;
   * open ones are closed on every node, and once Hocuspocus has unloaded (and possibly stored) the
   * documents their rows are removed again, by each node that had them open.
   */
  async delete(boardId: string): Promise<void> {
    await this.storage.deleteBoard(boardId)
    const closed = this.revocations.revoke({ kind: 'deleted', boardId })
    await this.eraseOnceUnloaded(boardId)
    this.log.info({ boardId, closedConnections: closed }, 'board deleted')
  }

  /** Removes the rows a deleted board's documents may have written while they were still loaded here. */
  private async eraseOnceUnloaded(boardId: string): Promise<void> {
    if (!(await this.connections.unloaded(boardId))) this.log.error({ boardId }, 'deleted board still loaded after closing its connections')
    await this.storage.deleteBoard(boardId)
  }

  /** Runs `work` on the live design document (loading it if nobody has it open), then lets it go. */
  private async withDocument<T>(name: string, work: (connection: DirectConnection) => Promise<T>): Promise<T> {
    const connection = await this.hocuspocus.openDirectConnection(name)
    try {
      return await work(connection)
    } finally {
      await connection.disconnect()
    }
  }
}

/** Points an image record that lives in one board's asset store at the same asset in another. */
function withAssetsOf(record: JsonRecord, fromBoardId: string, toBoardId: string): JsonRecord {
  const props = record.props
  if (record.typeName !== 'asset' || typeof props !== 'object' || props === null || Array.isArray(props)) return record
  const src = props.src
  if (!isBoardAssetPath(fromBoardId, src)) return record
  const assetId = src.slice(src.lastIndexOf('/') + 1)
  return { ...record, props: { ...props, src: boardAssetPath(toBoardId, assetId) } }
}
