import type { Role } from '@concord/shared'

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
}

export interface StoredVersion extends VersionInfo {
  /** The design document's full state at that moment. */
  state: Uint8Array
}

/**
 * Everything the server persists. Async throughout so that a PostgreSQL implementation can
 * stand beside the SQLite one without changing callers.
 */
export interface Storage {
  /**
   * Registers a board and writes its initial document in one transaction, so a board never
   * exists without a document. Link generations start at 0 for every role.
   */
  createBoard(board: NewBoard, initialDocument: DocumentState): Promise<BoardRecord>
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

  loadDocument(name: string): Promise<Uint8Array | null>
  /** Replaces the stored state of a document with its full state. */
  storeDocument(name: string, state: Uint8Array): Promise<void>

  addVersion(boardId: string, version: StoredVersion): Promise<void>
  /** A board's versions, oldest first, without their states. */
  listVersions(boardId: string): Promise<VersionInfo[]>
  getVersion(boardId: string, versionId: string): Promise<StoredVersion | null>

  putAsset(asset: StoredAsset): Promise<void>
  getAsset(boardId: string, assetId: string): Promise<StoredAsset | null>

  getSetting(key: string): Promise<string | null>
  setSetting(key: string, value: string): Promise<void>

  close(): Promise<void>
}
