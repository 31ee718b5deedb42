import {
  BOARD_CHANNEL,
  boardDocumentName,
  boardSchemaAge,
  capabilitiesOf,
  getBoardMap,
  getRecordsMap,
  parseStateless,
  readBoardMeta,
  statelessServerMessageSchema,
  UPDATE_REFUSED,
  type Role,
} from '@concord/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { atom, createTLStore, defaultBindingUtils, type Atom, type TLStore } from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { currentTLUser } from '../../identity/currentUser.ts'
import { boardShapeUtils } from '../../shapes/index.ts'
import { boardRecordTypes } from '../../design-records/designRecordTypes.ts'
import { createAssetStore } from '../assets/assetStore.ts'
import { createYjsBinding, type YjsBinding } from '../binding/binding.ts'
import { watchConnection, type ConnectionState } from '../connection/connectionState.ts'
import { Notices } from '../notices/notices.ts'
import { localSchema, prepareBoardRecords } from '../schema/boardSchema.ts'
import { syncPresence } from '../presence/presence.ts'
import type { BoardSessionFeature } from './sessionFeature.ts'
import { collabSocket, providerOnTabSocket } from './socket.ts'

/**
 * - loading: waiting for the local copy, and for the server when there is no local copy
 * - ready: the store holds the board; mount the editor
 * - refused: the server does not know this board or link
 * - outdated: a newer version of Concord wrote the board; this client must reload before touching it
 */
export type BoardPhase = 'loading' | 'ready' | 'refused' | 'outdated'

export interface BoardSessionOptions {
  boardId: string
  token: string
  /** The role of the link, as far as it is known before the server confirms it. */
  role: Role | null
}

/** Name of the IndexedDB database holding a board's local copy. */
export function localBoardDbName(boardId: string): string {
  return `concord:board:${boardId}`
}

/**
 * Everything one open board needs outside React: the Y.Doc with its IndexedDB copy and server
 * provider, the tldraw store bound to it, presence and connection state. `destroy` undoes it all,
 * so React StrictMode's mount-unmount-mount leaves nothing behind.
 */
export class BoardSession {
  readonly doc = new Y.Doc()
  readonly notices = new Notices()
  readonly persistence: IndexeddbPersistence
  readonly provider: HocuspocusProvider
  readonly store: TLStore
  readonly binding: YjsBinding
  readonly phase: Atom<BoardPhase> = atom('board phase', 'loading')
  readonly connection: Atom<ConnectionState> = atom('board connection', { status: 'connecting', unsynced: 0, notSaved: false })
  /** The board title as stored in the document (known offline too). */
  readonly docTitle: Atom<string | null> = atom('board title', null)
  /** Why the server is not storing edits right now, as it says; null while it stores them. */
  readonly storageProblem: Atom<string | null> = atom('storage problem', null)
  /** How many viewers watch the board (they are counted by the server, never shown one by one). */
  readonly viewers: Atom<number> = atom('board viewers', 0)

  private readonly collaborationStatus = atom<'online' | 'offline'>('collaboration status', 'offline')
  private readonly mode = atom<'readonly' | 'readwrite'>('collaboration mode', 'readwrite')
  private readonly stops: Array<() => void> = []
  private localLoaded = false
  private serverSynced = false
  private lastRejectionNotice = 0
  private refusedReason: string | null = null

  /** `features` ride on the session (see sessionFeature.ts): attached once it connects, stopped by `destroy`. */
  constructor(
    readonly options: BoardSessionOptions,
    features: readonly BoardSessionFeature[] = [],
  ) {
    const { boardId, token, role } = options
    if (role && !capabilitiesOf(role).editDesign) this.mode.set('readonly')

    this.store = createTLStore({
      shapeUtils: boardShapeUtils,
      bindingUtils: defaultBindingUtils,
      records: boardRecordTypes,
      users: { currentUser: currentTLUser },
      collaboration: { status: this.collaborationStatus, mode: this.mode },
      assets: createAssetStore({
        boardId,
        token,
        onUploadError: (message) => this.notices.show({ title: 'Image not added', description: message, severity: 'error' }),
      }),
    })
    this.binding = createYjsBinding(this.store, this.doc, {
      onRejected: ({ id, reason }) => this.reportRejected(`record ${id}`, reason),
      canWrite: () => this.mode.get() === 'readwrite',
    })

    this.persistence = new IndexeddbPersistence(localBoardDbName(boardId), this.doc)
    void this.persistence.whenSynced.then(() => {
      this.localLoaded = true
      this.advance()
    })

    this.provider = providerOnTabSocket({ name: boardDocumentName(boardId), token, document: this.doc, withAwareness: true })
    this.provider.on('synced', () => {
      this.serverSynced = true
      this.advance()
    })
    this.provider.on('authenticated', ({ scope }: { scope: string }) => {
      this.mode.set(scope === 'readonly' || (role && !capabilitiesOf(role).editDesign) ? 'readonly' : 'readwrite')
    })
    this.provider.on('authenticationFailed', () => this.phase.set('refused'))
    this.provider.on('close', ({ event }: { event: { reason?: string } }) => this.reportRefusedUpdate(event.reason ?? ''))
    this.provider.on('stateless', ({ payload }: { payload: string }) => {
      const message = parseStateless(statelessServerMessageSchema, payload)
      if (message?.channel !== BOARD_CHANNEL) return
      if (message.type === 'audience') this.viewers.set(message.viewers)
      if (message.type === 'storage') this.storageProblem.set(message.stored ? null : (message.reason ?? 'The server cannot store edits right now.'))
    })
    // A new connection is told again if the server still cannot store.
    this.provider.on('disconnect', () => this.storageProblem.set(null))
    this.provider.attach()
    for (const attach of features) this.stops.push(attach(this))

    this.stops.push(
      watchConnection(this.provider, collabSocket(), (state) => {
        // A refusal holds until a change is acknowledged again (the provider resends the refused one on reconnect).
        if (state.unsynced === 0) this.refusedReason = null
        this.connection.set(this.refusedReason ? { ...state, refused: this.refusedReason } : state)
        this.collaborationStatus.set(state.status === 'online' ? 'online' : 'offline')
      }),
    )

    // Local edits wait up to a write interval before reaching Yjs: hand them over before the tab goes.
    const flushLocalEdits = () => this.binding.flush()
    window.addEventListener('pagehide', flushLocalEdits)
    document.addEventListener('visibilitychange', flushLocalEdits)
    this.stops.push(() => {
      window.removeEventListener('pagehide', flushLocalEdits)
      document.removeEventListener('visibilitychange', flushLocalEdits)
    })

    const boardMap = getBoardMap(this.doc)
    const onBoardMapChange = () => {
      this.docTitle.set(readBoardMeta(this.doc)?.title ?? null)
      if (this.phase.get() !== 'ready') return
      const age = boardSchemaAge(this.doc, localSchema(this.store))
      // A newer client may migrate the board while this one has it open.
      if (age === 'newer') this.becomeOutdated()
      // A version restored from an older schema makes the board older: migrate it as on load.
      else if (age === 'older') this.prepareRecords()
    }
    boardMap.observe(onBoardMapChange)
    this.stops.push(() => boardMap.unobserve(onBoardMapChange))
    onBoardMapChange()
  }

  /** The board opens once its local copy has loaded and holds records, or the server has answered. */
  private advance(): void {
    if (this.phase.get() !== 'loading' || !this.localLoaded) return
    const hasRecords = getRecordsMap(this.doc).size > 0
    if (!hasRecords && !this.serverSynced) return
    // The server creates every board complete (document and first page): there is nothing to seed.
    if (!this.prepareRecords()) return
    this.binding.start()
    const awareness = this.provider.awareness
    if (awareness) {
      this.stops.push(
        syncPresence({
          store: this.store,
          awareness,
          currentUser: currentTLUser,
          publish: this.options.role ? capabilitiesOf(this.options.role).showPresence : true,
          onRejected: (clientId, reason) => this.reportRejected(`presence of client ${clientId}`, reason),
        }),
      )
    }
    this.phase.set('ready')
  }

  /** Whether the owner has locked the board: a lock makes everyone but owners read-only here too, matching what the server enforces. */
  setLocked(locked: boolean): void {
    const { role } = this.options
    const mayEdit = role === null || capabilitiesOf(role).editDesign
    this.mode.set(mayEdit && !(locked && role !== 'owner') ? 'readwrite' : 'readonly')
  }

  /**
   * Brings the board's records up to this client's schema (on opening it, and when a restored
   * version makes it older while open). False when a newer version wrote it: the board is then outdated here.
   */
  private prepareRecords(): boolean {
    const preparation = prepareBoardRecords(this.doc, this.store, this.binding)
    if (preparation.outcome === 'newer') {
      this.becomeOutdated()
      return false
    }
    for (const { id, reason } of preparation.failed) this.reportRejected(`record ${id}`, reason)
    return true
  }

  /** Stops writing to a board a newer version wrote, without writing what is pending in the old format. */
  private becomeOutdated(): void {
    this.binding.stop({ writePending: false })
    this.phase.set('outdated')
  }

  /** The server refused one of this tab's changes (a board limit, say): the status badge says why until a change is saved again. */
  private reportRefusedUpdate(reason: string): void {
    if (!reason.startsWith(UPDATE_REFUSED)) return
    console.warn(`Concord: the server refused a change: ${reason}`)
    this.refusedReason = capitalize(reason.slice(UPDATE_REFUSED.length))
    this.connection.set({ ...this.connection.get(), refused: this.refusedReason })
  }

  private reportRejected(what: string, reason: string): void {
    console.warn(`Concord skipped ${what} from another client: ${reason}`)
    // One notice per burst: a peer on another version may send many such records at once.
    if (Date.now() - this.lastRejectionNotice < 10_000) return
    this.lastRejectionNotice = Date.now()
    this.notices.show({
      title: 'Some changes could not be shown',
      description: 'Another participant uses a different version of Concord. Reload the page to get the latest.',
      severity: 'warning',
    })
  }

  destroy(): void {
    for (const stop of this.stops.splice(0)) stop()
    this.binding.stop()
    this.provider.destroy()
    void this.persistence.destroy()
    this.doc.destroy()
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
