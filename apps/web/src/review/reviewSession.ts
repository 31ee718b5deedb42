import {
  addReply,
  BOARD_CHANNEL,
  capabilitiesOf,
  createThread,
  parseStateless,
  readRubrics,
  readThreads,
  reviewDocumentName,
  RUBRICS_KEY,
  setThreadStatus,
  statelessServerMessageSchema,
  THREADS_KEY,
  type ReviewAuthor,
  type ReviewerRubric,
  type ReviewThread,
  type ThreadAnchor,
  type VersionInfoResponse,
} from '@concord/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { atom, type Atom, type Signal } from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { listVersions } from '../api/versions.ts'
import type { BoardSession } from '../board/sync/boardSession.ts'
import { providerOnTabSocket } from '../board/sync/socket.ts'
import type { CommentSource } from './reviewSource.ts'

/** Name of the IndexedDB database holding a board review's local copy. */
function localReviewDbName(boardId: string): string {
  return `concord:review:${boardId}`
}

/**
 * A board's review document (`review:<id>`), opened beside the design on the tab's one socket
 * with the same link token, and kept in IndexedDB so it works offline and converges like the
 * design. Threads and rubrics are mirrored into atoms for the UI.
 */
export class ReviewSession implements CommentSource {
  readonly doc = new Y.Doc()
  readonly provider: HocuspocusProvider
  readonly persistence: IndexeddbPersistence
  readonly threads: Atom<ReviewThread[]> = atom('review threads', [])
  readonly rubrics: Atom<ReviewerRubric[]> = atom('review rubrics', [])
  /** Whether this link may write the review (the server enforces it; the UI follows). */
  readonly canWrite: boolean
  readonly canComment: Signal<boolean>
  /** Whether the review panel is shown, and which thread it highlights. */
  readonly panelOpen: Atom<boolean> = atom('review panel open', false)
  readonly focusedThread: Atom<string | null> = atom('focused thread', null)
  /** Whether the next click on the canvas picks the point a new comment is pinned to, and the point picked. */
  readonly pickingPoint: Atom<boolean> = atom('picking comment point', false)
  readonly pickedPoint: Atom<{ pageId: string; x: number; y: number } | null> = atom('picked comment point', null)
  /** The versions submitted for review (oldest first), and the one shown instead of the live board, if any. */
  readonly versions: Atom<VersionInfoResponse[]> = atom('review versions', [])
  readonly viewing: Atom<string | null> = atom('viewed version', null)

  private readonly stopObserving: () => void
  private readonly board: BoardSession
  private destroyed = false

  constructor(board: BoardSession) {
    const { boardId, token, role } = board.options
    this.board = board
    this.canWrite = role !== null && capabilitiesOf(role).writeReview
    this.canComment = atom('can comment', this.canWrite)
    // Reviewing is what a reviewer link is for: its holder starts with the panel open.
    if (role === 'reviewer') this.panelOpen.set(true)
    this.persistence = new IndexeddbPersistence(localReviewDbName(boardId), this.doc)
    // No awareness: presence is the design document's; this provider only syncs data.
    this.provider = providerOnTabSocket({ name: reviewDocumentName(boardId), token, document: this.doc, withAwareness: false })
    this.provider.attach()

    const threads = this.doc.getMap(THREADS_KEY)
    const rubrics = this.doc.getMap(RUBRICS_KEY)
    const readThreadsNow = () => this.threads.set(readThreads(this.doc))
    const readRubricsNow = () => this.rubrics.set(readRubrics(this.doc))
    threads.observeDeep(readThreadsNow)
    rubrics.observeDeep(readRubricsNow)
    readThreadsNow()
    readRubricsNow()
    // The server says when the list of versions changes; a reviewer starts on the latest one.
    const onStateless = ({ payload }: { payload: string }) => {
      const message = parseStateless(statelessServerMessageSchema, payload)
      if (message?.channel === BOARD_CHANNEL && message.type === 'versions') void this.refreshVersions()
    }
    board.provider.on('stateless', onStateless)
    void this.refreshVersions().then(() => {
      const latest = this.versions.get().at(-1)
      if (role === 'reviewer' && latest && this.viewing.get() === null) this.viewing.set(latest.id)
    })
    this.stopObserving = () => {
      threads.unobserveDeep(readThreadsNow)
      rubrics.unobserveDeep(readRubricsNow)
      board.provider.off('stateless', onStateless)
    }
  }

  /** Fetches the list of versions again (kept as it was when the server cannot be reached). */
  async refreshVersions(): Promise<void> {
    const { boardId, token } = this.board.options
    try {
      const versions = await listVersions(boardId, token)
      if (!this.destroyed) this.versions.set(versions)
    } catch {
      // Offline: the list stays as last fetched.
    }
  }

  addThread(anchor: ThreadAnchor, author: ReviewAuthor, text: string): string {
    const id = crypto.randomUUID()
    createThread(this.doc, { id, anchor, author, text, now: Date.now(), versionId: this.viewing.get() })
    return id
  }

  versionName(versionId: string | null): string | null {
    return versionId ? (this.versions.get().find((version) => version.id === versionId)?.name ?? 'a version') : null
  }

  readonly conversation = {
    reply: (threadId: string, author: ReviewAuthor, text: string) => addReply(this.doc, threadId, { id: crypto.randomUUID(), author, text, createdAt: Date.now() }),
    setStatus: (threadId: string, status: ReviewThread['status'], author: ReviewAuthor) => setThreadStatus(this.doc, threadId, status, author),
  }

  readonly remove = null

  openThread(threadId: string | null): void {
    this.panelOpen.set(true)
    this.focusedThread.set(threadId)
  }

  destroy(): void {
    this.destroyed = true
    this.stopObserving()
    this.provider.destroy()
    void this.persistence.destroy()
    this.doc.destroy()
  }
}
