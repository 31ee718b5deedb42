import {
  analyseRecords,
  BOARD_CHANNEL,
  boardDocumentName,
  changesDesign,
  CONTROLS_CHANNEL,
  DEFAULT_BOARD_CONTROLS,
  getRecordsMap,
  mergeEditSlices,
  parseStateless,
  readAllRecords,
  readThreads,
  recordEdits,
  reviewDocumentName,
  statelessServerMessageSchema,
  type AnalysisSummary,
  type BoardControls,
  type ControlCommand,
  type EditSlices,
  type JsonRecord,
} from '@concord/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { atom, type Atom } from 'tldraw'
import * as Y from 'yjs'
import { providerOnTabSocket } from '../board/sync/socket.ts'
import { IdleTask } from '../idle/idleTask.ts'
import { sendWhenSynced } from '../board/sync/sendWhenSynced.ts'

/**
 * The dashboard's view of one team board: a live copy of its records (for the thumbnail, no
 * editor), who is online, recent edits, and its controls, which the instructor can change. It
 * shares the tab's one websocket with every other team board.
 */
export class TeamBoardWatch {
  readonly records: Atom<JsonRecord[]> = atom('team board records', [])
  /** The names of who is on the board (viewers' presence is hidden by the server, so they are not here). */
  readonly online: Atom<string[]> = atom('team board online', [])
  /** Edits of the last minutes: the server's count from before the dashboard opened, then counted here. */
  readonly recentEdits: Atom<EditSlices> = atom('team board recent edits', [])
  readonly controls: Atom<BoardControls> = atom('team board controls', DEFAULT_BOARD_CONTROLS)
  /** Review threads on the board: all of them, and those still open. */
  readonly comments: Atom<{ threads: number; open: number }> = atom('team board comments', { threads: 0, open: 0 })
  /** The design analysis' counts and worst entry availability; null until the board's records arrive. */
  readonly analysis: Atom<AnalysisSummary | null> = atom('team board analysis', null)
  private readonly doc = new Y.Doc()
  private readonly provider: HocuspocusProvider
  private readonly reviewDoc = new Y.Doc()
  private readonly review: HocuspocusProvider
  private readonly analysisTask: IdleTask

  constructor(boardId: string, token: string) {
    this.provider = providerOnTabSocket({ name: boardDocumentName(boardId), token, document: this.doc, withAwareness: true })
    // The dashboard watches; it shows no cursor on the team's board.
    this.provider.awareness?.setLocalState(null)
    const records = getRecordsMap(this.doc)
    this.analysisTask = new IdleTask(() => this.analysis.set(analyseRecords(readAllRecords(records)).summary))
    records.observeDeep((events, transaction) => {
      this.records.set(readAllRecords(records))
      // The first sync counts too: it brings the design to analyse.
      if (changesDesign(records, events)) this.analysisTask.schedule()
      // What the first sync brings is the board as it was, and opening a board writes no design: neither is an edit.
      if (transaction.origin !== this.provider || !this.provider.isSynced || !changesDesign(records, events)) return
      this.recentEdits.update((slices) => recordEdits(slices, Date.now()))
    })
    // With its own state cleared, the awareness holds exactly the others on the board.
    this.provider.awareness?.on('change', () => this.online.set([...(this.provider.awareness?.getStates().values() ?? [])].map(displayName)))
    this.provider.on('stateless', ({ payload }: { payload: string }) => {
      const message = parseStateless(statelessServerMessageSchema, payload)
      if (message?.channel === CONTROLS_CHANNEL && message.type === 'state') this.controls.set(message.controls)
      if (message?.channel === BOARD_CHANNEL && message.type === 'recent-edits') {
        const { slices } = message
        this.recentEdits.update((counted) => mergeEditSlices(slices, counted, Date.now()))
      }
    })
    this.provider.attach()

    this.review = providerOnTabSocket({ name: reviewDocumentName(boardId), token, document: this.reviewDoc, withAwareness: false })
    this.reviewDoc.on('update', () => {
      const threads = readThreads(this.reviewDoc)
      this.comments.set({ threads: threads.length, open: threads.filter((thread) => thread.status === 'open').length })
    })
    this.review.attach()
  }

  send(command: ControlCommand): void {
    sendWhenSynced(this.provider, JSON.stringify({ channel: CONTROLS_CHANNEL, type: 'command', command }))
  }

  destroy(): void {
    this.analysisTask.destroy()
    this.provider.destroy()
    this.review.destroy()
    this.doc.destroy()
    this.reviewDoc.destroy()
  }
}

/** The name a board's client goes by in its presence (a tab's tldraw presence, a replica's `user`). */
function displayName(state: Record<string, unknown>): string {
  const presence = state.presence as { userName?: unknown } | undefined
  const user = state.user as { name?: unknown } | undefined
  const name = typeof presence?.userName === 'string' ? presence.userName : typeof user?.name === 'string' ? user.name : ''
  return name.trim() || 'Someone'
}
