import type { afterUnloadDocumentPayload, connectedPayload, Extension, Hocuspocus, onStatelessPayload } from '@hocuspocus/server'
import type { Logger } from 'pino'
import {
  applyControlCommand,
  boardControlsSchema,
  boardDocumentName,
  capabilitiesOf,
  CONTROLS_CHANNEL,
  DEFAULT_BOARD_CONTROLS,
  parseCollabDocumentName,
  parseStateless,
  reviewDocumentName,
  statelessClientMessageSchema,
  type BoardControls,
  type ControlsServerMessage,
} from '@concord/shared'
import { boardSession } from '../boards/board-session.ts'
import { boardControlsKey } from '../storage/board-settings.ts'
import type { BoardControlsRelay } from './board-controls-relay.ts'
import type { Storage } from '../storage/types.ts'
import type { CollabContext } from './context.ts'
import { broadcastStateless, sendStateless } from './stateless.ts'

/**
 * The owner's controls over a board (lock, timer, broadcast, follow-me) as server state: kept in
 * storage with the board, changed only by owner connections, sent to every connection of the
 * board when they change and to each new one. The lock is enforced here, not in the UI: locking
 * makes every open non-owner connection to the design document read-only (Hocuspocus then
 * neither applies nor relays nor stores what it sends), and authentication makes new ones
 * read-only while the lock holds (`isLocked`). Unlocking restores each role's own rights. (A
 * client that forged edits while locked keeps them locally; they reach the board only if it
 * resynchronises after the unlock, with the rights it then has anyway.)
 */
export class BoardControlsExtension implements Extension {
  extensionName = 'concord-board-controls'
  private readonly cache = new Map<string, BoardControls>()
  private hocuspocus: Hocuspocus<CollabContext> | null = null

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    /** With several nodes: carries changes between them, so every node enforces the lock. */
    private readonly relay: BoardControlsRelay | null = null,
  ) {
    relay?.onMessage(({ boardId, controls }) => this.apply(boardId, controls))
    relay?.onResubscribed(() => void this.reload())
  }

  attach(hocuspocus: Hocuspocus<CollabContext>): void {
    this.hocuspocus = hocuspocus
  }

  async controlsOf(boardId: string): Promise<BoardControls> {
    const cached = this.cache.get(boardId)
    if (cached) return cached
    const controls = await this.stored(boardId)
    this.cache.set(boardId, controls)
    return controls
  }

  async isLocked(boardId: string): Promise<boolean> {
    return (await this.controlsOf(boardId)).locked
  }

  async connected({ connection, context }: connectedPayload<CollabContext>): Promise<void> {
    sendStateless(connection, stateMessage(await this.controlsOf(context.boardId)))
  }

  async onStateless({ connection, payload }: onStatelessPayload): Promise<void> {
    const message = parseStateless(statelessClientMessageSchema, payload)
    if (message?.channel !== CONTROLS_CHANNEL) return
    const context = connection.context as CollabContext
    if (message.type === 'invalid') {
      sendStateless(connection, refusal(`invalid control command: ${message.reason}`))
      return
    }
    if (context.role !== 'owner') {
      this.log.info({ boardId: context.boardId, role: context.role, op: message.command.op }, 'board control refused: not the owner')
      sendStateless(connection, refusal('Only the board’s owner can use these controls.'))
      return
    }
    const now = Date.now()
    // A broadcast in a class session goes to every team's board, the others to this board.
    const sessionWide = message.command.op === 'broadcast' || message.command.op === 'broadcast-clear'
    const session = sessionWide ? await boardSession(this.storage, context.boardId) : null
    const boards = session ? session.boards.map((board) => board.boardId) : [context.boardId]
    for (const boardId of boards) {
      const after = applyControlCommand(await this.controlsOf(boardId), message.command, now)
      try {
        await this.storage.setSetting(boardControlsKey(boardId), JSON.stringify(after))
      } catch (error) {
        // E.g. a full disk: the change is not taken, and the owner is told why.
        this.log.error({ err: error, boardId, op: message.command.op }, 'board control not stored')
        sendStateless(connection, refusal('The server cannot store changes right now; the controls were not changed. Try again later.'))
        return
      }
      this.apply(boardId, after)
      void this.relay?.publish({ boardId, controls: after })
    }
    this.log.info({ boardId: context.boardId, op: message.command.op, boards: boards.length }, 'board control changed')
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    // Read again from storage when the board is next opened here: changes made meanwhile on other nodes count.
    const target = parseCollabDocumentName(documentName)
    if (target && !this.isLoaded(target.boardId)) this.cache.delete(target.boardId)
  }

  async onDestroy(): Promise<void> {
    this.relay?.close()
  }

  /** Reads every cached board's controls from storage again and takes changes into effect (changes this node may have missed). */
  private async reload(): Promise<void> {
    for (const boardId of [...this.cache.keys()]) {
      try {
        const controls = await this.stored(boardId)
        if (JSON.stringify(controls) !== JSON.stringify(this.cache.get(boardId))) this.apply(boardId, controls)
      } catch (error) {
        this.log.warn({ err: error, boardId }, 'could not read board controls again')
      }
    }
  }

  private async stored(boardId: string): Promise<BoardControls> {
    const stored = await this.storage.getSetting(boardControlsKey(boardId))
    const parsed = stored === null ? null : boardControlsSchema.safeParse(JSON.parse(stored))
    return parsed?.success ? parsed.data : DEFAULT_BOARD_CONTROLS
  }

  private isLoaded(boardId: string): boolean {
    return [boardDocumentName(boardId), reviewDocumentName(boardId)].some((name) => this.hocuspocus?.documents.has(name))
  }

  /** Takes the board's new controls into effect on this node: the lock on its connections, the state to its clients. */
  private apply(boardId: string, controls: BoardControls): void {
    const before = this.cache.get(boardId)
    // A board not open here is read from storage when it is.
    if (!this.isLoaded(boardId)) {
      this.cache.delete(boardId)
      return
    }
    this.cache.set(boardId, controls)
    if (before?.locked !== controls.locked) this.applyLock(boardId, controls.locked)
    this.broadcast(boardId, stateMessage(controls))
  }

  /** Makes the design connections of everyone but owners read-only, or gives each role its rights back. */
  private applyLock(boardId: string, locked: boolean): void {
    const document = this.hocuspocus?.documents.get(boardDocumentName(boardId))
    for (const connection of document?.getConnections() ?? []) {
      const { role } = connection.context as CollabContext
      connection.readOnly = !capabilitiesOf(role).editDesign || (locked && role !== 'owner')
    }
  }

  private broadcast(boardId: string, message: ControlsServerMessage): void {
    for (const name of [boardDocumentName(boardId), reviewDocumentName(boardId)]) {
      broadcastStateless(this.hocuspocus?.documents.get(name), message)
    }
  }
}

function stateMessage(controls: BoardControls): ControlsServerMessage {
  return { channel: CONTROLS_CHANNEL, type: 'state', controls }
}

function refusal(reason: string): ControlsServerMessage {
  return { channel: CONTROLS_CHANNEL, type: 'refused', reason }
}
