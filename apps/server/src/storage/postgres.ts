import { Pool } from 'pg'
import { migratePostgres } from './postgres-schema.ts'
import { loadDocument, writeDocuments } from './postgres-documents.ts'
import { copyAssets, createBoard, deleteBoard, getBoard, renameBoard, rotateLinkGeneration } from './postgres-registry.ts'
import type { PeerReviewStorage } from './peer-review-types.ts'
import { PostgresPeerReview } from './postgres-peer-review.ts'
import { createSession, getSession, sessionOfBoard } from './postgres-sessions.ts'
import { addBoardEditor, listBoardEditors } from './postgres-editors.ts'
import { addVersion, getVersion, listVersions } from './postgres-versions.ts'
import { asBuffer } from './postgres-transaction.ts'
import type {
  BoardRecord,
  DocumentState,
  DocumentWrite,
  NewBoard,
  Storage,
  StoredAsset,
  StoredDocument,
  SessionRecord,
  StoredVersion,
  VersionInfo,
} from './types.ts'
import type { Role } from '@concord/shared'

/** Connections per node; a group commit holds one, loads and API reads take the others. */
const POOL_SIZE = 10

/**
 * The shared storage of a multi-node deployment (`DATABASE_URL`): every node reads and writes
 * the same registry, documents, assets and settings through a connection pool (node-postgres).
 * The schema is created or migrated on start. Each concern lives in its own `postgres-*.ts` file;
 * this class only routes to them once the schema is ready.
 */
export class PostgresStorage implements Storage {
  private readonly pool: Pool
  private readonly ready: Promise<void>
  private closed = false
  readonly peerReview: PeerReviewStorage

  constructor(connectionString: string) {
    this.pool = new Pool({ connectionString, max: POOL_SIZE })
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined)
    this.ready = migratePostgres(this.pool)
    // Surfaced by the first call (the server's start); not an unhandled rejection meanwhile.
    this.ready.catch(() => undefined)
    this.peerReview = new PostgresPeerReview(this.pool, this.ready)
  }

  async createBoard(board: NewBoard, initialDocuments: DocumentState[]): Promise<BoardRecord> {
    await this.ready
    return createBoard(this.pool, board, initialDocuments)
  }

  async rotateLinkGeneration(boardId: string, role: Role): Promise<number | null> {
    await this.ready
    return rotateLinkGeneration(this.pool, boardId, role)
  }

  async renameBoard(id: string, title: string): Promise<boolean> {
    await this.ready
    return renameBoard(this.pool, id, title)
  }

  async deleteBoard(id: string): Promise<void> {
    await this.ready
    return deleteBoard(this.pool, id)
  }

  async copyAssets(fromBoardId: string, toBoardId: string): Promise<void> {
    await this.ready
    return copyAssets(this.pool, fromBoardId, toBoardId)
  }

  async addVersion(boardId: string, version: StoredVersion): Promise<void> {
    await this.ready
    return addVersion(this.pool, boardId, version)
  }

  async listVersions(boardId: string): Promise<VersionInfo[]> {
    await this.ready
    return listVersions(this.pool, boardId)
  }

  async getVersion(boardId: string, versionId: string): Promise<StoredVersion | null> {
    await this.ready
    return getVersion(this.pool, boardId, versionId)
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    await this.ready
    return getBoard(this.pool, id)
  }

  async loadDocument(name: string): Promise<StoredDocument | null> {
    await this.ready
    return loadDocument(this.pool, name)
  }

  async writeDocuments(writes: DocumentWrite[]): Promise<void> {
    await this.ready
    return writeDocuments(this.pool, writes)
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('the database is closed')
    await this.ready
    await this.pool.query('SELECT 1')
  }

  async addBoardEditor(boardId: string, name: string, at: number): Promise<void> {
    await this.ready
    return addBoardEditor(this.pool, boardId, name, at)
  }

  async listBoardEditors(boardId: string, until?: number): Promise<string[]> {
    await this.ready
    return listBoardEditors(this.pool, boardId, until)
  }

  async putAsset(asset: StoredAsset): Promise<void> {
    await this.ready
    await this.pool.query(
      'INSERT INTO assets (board_id, id, content_type, bytes, created_at) VALUES ($1, $2, $3, $4, $5)',
      [asset.boardId, asset.id, asset.contentType, asBuffer(asset.bytes), Date.now()],
    )
  }

  async assetBytes(boardId: string): Promise<number> {
    await this.ready
    const { rows } = await this.pool.query<{ bytes: string }>(
      'SELECT COALESCE(SUM(octet_length(bytes)), 0) AS bytes FROM assets WHERE board_id = $1',
      [boardId],
    )
    return Number(rows[0]?.bytes ?? 0)
  }

  async getAsset(boardId: string, assetId: string): Promise<StoredAsset | null> {
    await this.ready
    const { rows } = await this.pool.query<{ content_type: string; bytes: Buffer }>(
      'SELECT content_type, bytes FROM assets WHERE board_id = $1 AND id = $2',
      [boardId, assetId],
    )
    const row = rows[0]
    return row ? { boardId, id: assetId, contentType: row.content_type, bytes: row.bytes } : null
  }

  async getSetting(key: string): Promise<string | null> {
    await this.ready
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key])
    return rows[0]?.value ?? null
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.ready
    return createSession(this.pool, session)
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    await this.ready
    return getSession(this.pool, id)
  }

  async sessionOfBoard(boardId: string): Promise<string | null> {
    await this.ready
    return sessionOfBoard(this.pool, boardId)
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.ready
    await this.pool.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    )
  }

  async initSetting(key: string, value: string): Promise<string> {
    await this.ready
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value])
    const stored = await this.getSetting(key)
    if (stored === null) throw new Error(`setting ${key} vanished right after it was written`)
    return stored
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.pool.end()
  }
}
