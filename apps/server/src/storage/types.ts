import type { Role } from '@concord/shared'
import type { PeerReviewStorage } from './peer-review-types.ts'

/** A board in the registry. The registry, not the Y.Doc, is the authority on which boards exist. */
export interface BoardRecord {
  id: string
  title: string
  /** Milliseconds since the epoch. */
  createdAt: number
  /** Current link generation per role; a link signed for an older generation is revoked. */
  linkGenerations: Record<Role, number>
}

export interface NewBoard {
  id: string
  title: string
  createdAt: number
}

/** A Yjs document's full state, as `Y.encodeStateAsUpdate` produces it. */
export interface DocumentState {
  name: string
  state: Uint8Array
}

/** A document as stored: load = apply `snapshot`, then every update of `log` in order. */
export interface StoredDocument {
  snapshot: Uint8Array
  log: Uint8Array[]
}

/** One document's share of a group commit. */
export interface DocumentWrite {
  name: string
  /** Yjs updates to append to the document's log, in order. */
  updates: Uint8Array[]
  /**
   * The document's full state, covering every update logged so far and `updates`: when given,
   * it replaces the stored snapshot and the log is emptied (compaction).
   */
  snapshot?: Uint8Array
}

/** A class session: one board per team, opened by the instructor with one session token. */
export interface SessionRecord {
  id: string
  name: string
  createdAt: number
  /** The catalog template the team boards start from, or null. */
  template: string | null
  /** The team boards, by team number (1-based). */
  boards: Array<{ team: number; boardId: string }>
}

export interface StoredAsset {
  boardId: string
  id: string
  contentType: string
  bytes: Uint8Array
}

/** A version of a board's design, frozen when the team submitted it for review. */
export interface VersionInfo {
  id: string
  name: string
  /** Milliseconds since the epoch. */
  createdAt: number
  /** Made by a restore to keep the live design as it was: never submitted by the team. */
  backup: boolean
}

export interface StoredVersion extends VersionInfo {
  /** The design document's full state at that moment. */
  state: Uint8Array
}

/**
 * Everything the server persists: SQLite (`sqlite.ts`, one node) or PostgreSQL (`postgres.ts`,
 * shared by several nodes). Async throughout so that callers do not care which.
 */
export interface Storage {
  /**
   * Registers a board and writes its initial documents (design and review) in one transaction,
   * so a board never exists without them. Link generations start at 0 for every role.
   */
  createBoard(board: NewBoard, initialDocuments: DocumentState[]): Promise<BoardRecord>
  getBoard(id: string): Promise<BoardRecord | null>
  /** Bumps a role's link generation (revoking its links); the new generation, or null for an unknown board. */
  rotateLinkGeneration(boardId: string, role: Role): Promise<number | null>
  /** Sets the registry's title; false for an unknown board. */
  renameBoard(id: string, title: string): Promise<boolean>
  /**
   * Removes a board for good: its registry entry and link generations, every stored document of
   * it (`board:<id>`, `review:<id>`), its versions and its assets. Idempotent.
   */
  deleteBoard(id: string): Promise<void>
  /** Copies every asset of one board to another under the same asset ids (duplicating a board). */
  copyAssets(fromBoardId: string, toBoardId: string): Promise<void>

  /** A document's snapshot and the update log written since; null when it was never stored. */
  loadDocument(name: string): Promise<StoredDocument | null>
  /**
   * Writes a group commit: every document's updates appended to its log, or its snapshot
   * replacing the stored state and the whole log, all in one transaction.
   */
  writeDocuments(writes: DocumentWrite[]): Promise<void>
  /** Resolves when the database answers a query; rejects otherwise. */
  ping(): Promise<void>

  addVersion(boardId: string, version: StoredVersion): Promise<void>
  /** A board's versions, oldest first, without their states. */
  listVersions(boardId: string): Promise<VersionInfo[]>
  getVersion(boardId: string, versionId: string): Promise<StoredVersion | null>

  /** Notes that `name` edited the board at `at`; a name already noted keeps its first time. */
  addBoardEditor(boardId: string, name: string, at: number): Promise<void>
  /** The names that edited the board (up to `until`, if given), in the order they first did. */
  listBoardEditors(boardId: string, until?: number): Promise<string[]>

  putAsset(asset: StoredAsset): Promise<void>
  getAsset(boardId: string, assetId: string): Promise<StoredAsset | null>
  /** Bytes of all images stored for a board (its upload quota counts them). */
  assetBytes(boardId: string): Promise<number>

  /** Registers a session over boards already created. */
  createSession(session: SessionRecord): Promise<void>
  getSession(id: string): Promise<SessionRecord | null>
  /** The session a board belongs to, or null. */
  sessionOfBoard(boardId: string): Promise<string | null>

  /** Rosters, review rounds and round reviews of the sessions. */
  readonly peerReview: PeerReviewStorage

  getSetting(key: string): Promise<string | null>
  /** Stores `value` under `key`, replacing what was there. */
  setSetting(key: string, value: string): Promise<void>
  /** Stores `value` unless `key` already has one; returns the stored value (nodes starting together agree). */
  initSetting(key: string, value: string): Promise<string>

  close(): Promise<void>
}
