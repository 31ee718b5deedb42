import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Role } from '@concord/shared'
import { SqliteCommitWorker } from './sqlite-commit-worker.ts'
import { SqliteDatabase } from './sqlite-database.ts'
import { loadDocument } from './sqlite-documents.ts'
import { copyAssets, createBoard, deleteBoard, getBoard, renameBoard, rotateLinkGeneration } from './sqlite-registry.ts'
import type { PeerReviewStorage } from './peer-review-types.ts'
import { SqlitePeerReview } from './sqlite-peer-review.ts'
import { createSession, getSession, sessionOfBoard } from './sqlite-sessions.ts'
import { addBoardEditor, listBoardEditors } from './sqlite-editors.ts'
import { addVersion, getVersion, listVersions } from './sqlite-versions.ts'
import type {
  BoardRecord,
  DocumentState,
  DocumentWrite,
  NewBoard,
  SessionRecord,
  Storage,
  StoredAsset,
  StoredDocument,
  StoredVersion,
  VersionInfo,
} from './types.ts'

export const DATABASE_FILE = 'concord.sqlite'

export interface SqliteStorageOptions {
  /**
   * Test hook: the URL of a module whose default export `(documentName) => void` runs inside a
   * compaction, after the snapshot is written and before the log is emptied. A module, since it
   * runs on the commit thread.
   */
  betweenCompactionStepsModule?: string
}

/**
 * The default storage: one SQLite file `<dataDir>/concord.sqlite` (`sqlite-database.ts`). Each
 * concern lives in its own `sqlite-*.ts` file, as PostgreSQL's do in `postgres-*.ts`; this class
 * only routes to them. The group commit's writes go through a second connection on a worker
 * thread (`sqlite-commit-worker.ts`); everything else uses this thread's connection.
 */
export class SqliteStorage implements Storage {
  private closed = false
  private readonly db: SqliteDatabase
  private readonly commits: SqliteCommitWorker
  readonly peerReview: PeerReviewStorage

  constructor(dataDir: string, options: SqliteStorageOptions = {}) {
    mkdirSync(dataDir, { recursive: true })
    const path = join(dataDir, DATABASE_FILE)
    // Opened (and migrated) here first: the commit thread finds the schema in place.
    this.db = new SqliteDatabase(path)
    this.commits = new SqliteCommitWorker({ path, betweenCompactionStepsModule: options.betweenCompactionStepsModule })
    this.peerReview = new SqlitePeerReview(this.db)
  }

  async createBoard(board: NewBoard, initialDocuments: DocumentState[]): Promise<BoardRecord> {
    return createBoard(this.db, board, initialDocuments)
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    return getBoard(this.db, id)
  }

  async rotateLinkGeneration(boardId: string, role: Role): Promise<number | null> {
    return rotateLinkGeneration(this.db, boardId, role)
  }

  async renameBoard(id: string, title: string): Promise<boolean> {
    return renameBoard(this.db, id, title)
  }

  async deleteBoard(id: string): Promise<void> {
    deleteBoard(this.db, id)
  }

  async copyAssets(fromBoardId: string, toBoardId: string): Promise<void> {
    copyAssets(this.db, fromBoardId, toBoardId)
  }

  async addVersion(boardId: string, version: StoredVersion): Promise<void> {
    addVersion(this.db, boardId, version)
  }

  async listVersions(boardId: string): Promise<VersionInfo[]> {
    return listVersions(this.db, boardId)
  }

  async getVersion(boardId: string, versionId: string): Promise<StoredVersion | null> {
    return getVersion(this.db, boardId, versionId)
  }

  async loadDocument(name: string): Promise<StoredDocument | null> {
    return loadDocument(this.db, name)
  }

  async writeDocuments(writes: DocumentWrite[]): Promise<void> {
    if (this.closed) throw new Error('the database is closed')
    await this.commits.write(writes)
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('the database is closed')
    this.db.statement('SELECT 1').get()
  }

  async addBoardEditor(boardId: string, name: string, at: number): Promise<void> {
    addBoardEditor(this.db, boardId, name, at)
  }

  async listBoardEditors(boardId: string, until?: number): Promise<string[]> {
    return listBoardEditors(this.db, boardId, until)
  }

  async putAsset(asset: StoredAsset): Promise<void> {
    this.db
      .statement('INSERT INTO assets (board_id, id, content_type, bytes, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(asset.boardId, asset.id, asset.contentType, asset.bytes, Date.now())
  }

  async assetBytes(boardId: string): Promise<number> {
    const row = this.db.statement('SELECT COALESCE(SUM(length(bytes)), 0) AS bytes FROM assets WHERE board_id = ?').get(boardId)
    return Number(row?.bytes ?? 0)
  }

  async getAsset(boardId: string, assetId: string): Promise<StoredAsset | null> {
    const row = this.db.statement('SELECT content_type, bytes FROM assets WHERE board_id = ? AND id = ?').get(boardId, assetId)
    if (!row) return null
    return { boardId, id: assetId, contentType: String(row.content_type), bytes: row.bytes as Uint8Array }
  }

  async createSession(session: SessionRecord): Promise<void> {
    createSession(this.db, session)
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    return getSession(this.db, id)
  }

  async sessionOfBoard(boardId: string): Promise<string | null> {
    return sessionOfBoard(this.db, boardId)
  }

  async getSetting(key: string): Promise<string | null> {
    const row = this.db.statement('SELECT value FROM settings WHERE key = ?').get(key)
    return row ? String(row.value) : null
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.db
      .statement('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value)
  }

  async initSetting(key: string, value: string): Promise<string> {
    this.db.statement('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, value)
    return String(this.db.statement('SELECT value FROM settings WHERE key = ?').get(key)?.value)
  }

  async close(): Promise<void> {
    // Own flag: DatabaseSync.isOpen only exists from Node 22.15.
    if (this.closed) return
    this.closed = true
    await this.commits.close()
    this.db.close()
  }
}
