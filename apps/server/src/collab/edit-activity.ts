import type { connectedPayload, Extension, onChangePayload } from '@hocuspocus/server'
import { BOARD_CHANNEL, parseCollabDocumentName, recentSlices, recordEdits, type EditSlices } from '@concord/shared'
import type { CollabContext } from './context.ts'
import { sendStateless } from './stateless.ts'

/**
 * Counts each board's edits of the last minutes (every update applied to its design document
 * here, from this node's clients or relayed from others), and tells each new owner connection
 * the count so far: the session dashboard, opened in the middle of a session, shows what the
 * teams did before it was opened, and counts on from there itself. Kept in memory per node, in
 * time slices, so a busy board costs a few dozen numbers.
 */
export class EditActivity implements Extension {
  extensionName = 'concord-edit-activity'
  private readonly boards = new Map<string, EditSlices>()

  async onChange({ documentName }: onChangePayload): Promise<void> {
    const target = parseCollabDocumentName(documentName)
    if (target?.kind !== 'board') return
    this.boards.set(target.boardId, recordEdits(this.boards.get(target.boardId) ?? [], Date.now()))
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
