import type { afterLoadDocumentPayload, connectedPayload, Extension } from '@hocuspocus/server'
import { BOARD_CHANNEL, changesDesign, getRecordsMap, parseCollabDocumentName, recentSlices, recordEdits, type EditSlices } from '@concord/shared'
import type { CollabContext } from './context.ts'
import { sendStateless } from './stateless.ts'

/**
 * Counts each board's edits of the last minutes (each change to its shapes, bindings or assets
 * applied here, from this node's clients or relayed from others; opening a board is no edit),
 * and tells each new owner connection the count so far: the session dashboard, opened in the
 * middle of a session, shows what the teams did before it was opened, and counts on from there.
 * Kept in memory per node, in time slices, so a busy board costs a few dozen numbers.
 */
export class EditActivity implements Extension {
  extensionName = 'concord-edit-activity'
  private readonly boards = new Map<string, EditSlices>()

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    const target = parseCollabDocumentName(documentName)
    if (target?.kind !== 'board') return
    const { boardId } = target
    // The observer goes with the document when it is unloaded.
    const records = getRecordsMap(document)
    records.observeDeep((events) => {
      if (changesDesign(records, events)) this.boards.set(boardId, recordEdits(this.boards.get(boardId) ?? [], Date.now()))
    })
  }

  async connected({ connection, context }: connectedPayload<CollabContext>): Promise<void> {
    if (context.document !== 'board' || context.role !== 'owner') return
    const slices = recentSlices(this.boards.get(context.boardId) ?? [], Date.now())
    sendStateless(connection, { channel: BOARD_CHANNEL, type: 'recent-edits', slices })
  }

  async afterUnloadDocument(): Promise<void> {
    // Boards nobody has open keep their count until it has aged out of the window.
    const now = Date.now()
    for (const [boardId, slices] of this.boards) if (recentSlices(slices, now).length === 0) this.boards.delete(boardId)
  }
}
