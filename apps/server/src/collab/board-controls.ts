import type { afterUnloadDocumentPayload, connectedPayload, Extension, Hocuspocus, onDisconnectPayload, onStatelessPayload } from '@hocuspocus/server'
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
  type ControlCommand,
  type ControlsServerMessage,
} from '@concord/shared'
import { boardSession } from '../boards/board-session.ts'
import { boardControlsKey } from '../storage/board-settings.ts'
import type { BoardControlsRelay } from './board-controls-relay.ts'
import type { Storage } from '../storage/types.ts'
import type { CollabContext } from './context.ts'
import { broadcastStateless, sendStateless } from './stateless.ts'
import { SINGLE_NODE_LEASES, type WhatIfLeases } from './what-if-leases.ts'

/** How often a node renews its what-if leases and checks the other nodes' (well within `WHAT_IF_LEASE_MS`). */
const WHAT_IF_CHECK_MS = 2000

/**
 * The owner's controls over a board (lock, timer, broadcast, follow-me) as server state: kept in
 * storage with the board, changed only by owner connections, sent to every connection of the
 * board when they change and to each new one. The lock is enforced here, not in the UI: locking
 * makes every open non-owner connection to the design document read-only (Hocuspocus then
 * neither applies nor relays nor stores what it sends), and authentication makes new ones
 * read-only while the lock holds (`isLocked`). Unlocking restores each role's own rights. (A
 * client that forged edits while locked keeps them locally; they reach the board only if it
 * resynchronises after the unlock, with the rights it then has anyway.)
 *
 * A what-if shown to everyone lasts only while the connection that showed it is open: unlike the
 * lock or a timer, it is a live demonstration, and nobody else could end it if the owner left.
 * If that connection's node dies, the node's lease on the what-if (`WhatIfLeases`) lapses, and
 * the first node to find it so ends the what-if.
 */
export class BoardControlsExtension implements Extension {
  extensionName = 'concord-board-controls'
  private readonly cache = new Map<string, BoardControls>()
  /** Per board, the context of the owner connection on this node whose shared what-if is shown. */
  private readonly whatIfShownBy = new Map<string, CollabContext>()
  private hocuspocus: Hocuspocus<CollabContext> | null = null
  private readonly whatIfCheck: NodeJS.Timeout

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    /** With several nodes: carries changes between them, so every node enforces the lock. */
    private readonly relay: BoardControlsRelay | null = null,
    /** With several nodes: which node's connection shows each shared what-if. */
    private readonly leases: WhatIfLeases = SINGLE_NODE_LEASES,
  ) {
    relay?.onMessage(({ boardId, controls }) => {
      // Another owner connection (on another node) showed a what-if of its own, or ended it: this node's showing is over.
      if (this.whatIfShownBy.has(boardId) && controls.whatIf?.at !== this.cache.get(boardId)?.whatIf?.at) this.whatIfShownBy.delete(boardId)
      this.apply(boardId, controls)
    })
    relay?.onResubscribed(() => void this.reload())
    this.whatIfCheck = setInterval(() => void this.checkWhatIfs(), WHAT_IF_CHECK_MS)
    this.whatIfCheck.unref()
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
    const { op } = message.command
    if (op === 'what-if' && !(await this.claimWhatIf(context.boardId, (reason) => sendStateless(connection, refusal(reason))))) return
    if (!(await this.change(context.boardId, message.command, (reason) => sendStateless(connection, refusal(reason))))) return
    if (op === 'what-if') this.whatIfShownBy.set(context.boardId, context)
    else if (op === 'what-if-end') this.endShowing(context.boardId)
  }

  async onDisconnect({ documentName, context }: onDisconnectPayload<CollabContext>): Promise<void> {
    const boardId = context?.boardId
    if (!boardId || documentName !== boardDocumentName(boardId) || this.whatIfShownBy.get(boardId) !== context) return
    this.endShowing(boardId)
    await this.endWhatIf(boardId)
  }

  /** Claims the board's what-if for this node; false (the owner told why) when the claim cannot be made. */
  private async claimWhatIf(boardId: string, refuse: (reason: string) => void): Promise<boolean> {
    try {
      await this.leases.claim(boardId)
      return true
    } catch (error) {
      this.log.error({ err: error, boardId }, 'shared what-if not shown: its lease could not be claimed')
      refuse('The server cannot show a what-if to everyone right now. Try again later.')
      return false
    }
  }

  /** This node no longer shows the board's what-if. */
  private endShowing(boardId: string): void {
    this.whatIfShownBy.delete(boardId)
    void this.leases.release(boardId)
  }

  private async endWhatIf(boardId: string): Promise<void> {
    try {
      await this.change(boardId, { op: 'what-if-end' }, (reason) => this.log.warn({ boardId, reason }, 'shared what-if not ended'))
    } catch (error) {
      this.log.warn({ err: error, boardId }, 'shared what-if not ended')
    }
  }

  /**
   * Renews the leases of the what-ifs shown here, and ends every what-if of a board open here
   * that no live node claims any more (the node that showed it died, or this node restarted).
   */
  private async checkWhatIfs(): Promise<void> {
    try {
      await this.leases.renew([...this.whatIfShownBy.keys()])
      for (const [boardId, { whatIf }] of [...this.cache]) {
        if (!whatIf || this.whatIfShownBy.has(boardId) || (await this.leases.held(boardId))) continue
        // Shown again meanwhile, or ended: not this what-if's end.
        if (this.cache.get(boardId)?.whatIf?.at !== whatIf.at || this.whatIfShownBy.has(boardId)) continue
        this.log.info({ boardId }, 'shared what-if ended: the connection that showed it is gone with its node')
        await this.endWhatIf(boardId)
      }
    } catch (error) {
      // E.g. Redis unreachable: nothing is ended on a guess.
      this.log.warn({ err: error }, 'could not check the shared what-ifs’ leases')
    }
  }

  /** Applies a command to the board (a broadcast to its whole class session), stores, takes effect and relays it; false when it could not be stored. */
  private async change(boardId: string, command: ControlCommand, refuse: (reason: string) => void): Promise<boolean> {
    const now = Date.now()
    // A broadcast in a class session goes to every team's board, the others to this board.
    const sessionWide = command.op === 'broadcast' || command.op === 'broadcast-clear'
    const session = sessionWide ? await boardSession(this.storage, boardId) : null
    const boards = session ? session.boards.map((board) => board.boardId) : [boardId]
    for (const target of boards) {
      const after = applyControlCommand(await this.controlsOf(target), command, now)
      try {
        await this.storage.setSetting(boardControlsKey(target), JSON.stringify(after))
      } catch (error) {
        // E.g. a full disk: the change is not taken, and the owner is told why.
        this.log.error({ err: error, boardId: target, op: command.op }, 'board control not stored')
        refuse('The server cannot store changes right now; the controls were not changed. Try again later.')
        return false
      }
      this.apply(target, after)
      void this.relay?.publish({ boardId: target, controls: after })
    }
    this.log.info({ boardId, op: command.op, boards: boards.length }, 'board control changed')
    return true
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    // Read again from storage when the board is next opened here: changes made meanwhile on other nodes count.
    const target = parseCollabDocumentName(documentName)
    if (target && !this.isLoaded(target.boardId)) this.cache.delete(target.boardId)
  }

  async onDestroy(): Promise<void> {
    clearInterval(this.whatIfCheck)
    this.relay?.close()
    this.leases.close()
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
