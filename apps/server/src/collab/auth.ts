import type { Extension, onAuthenticatePayload } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { BOARD_REFUSAL, capabilitiesOf, parseCollabDocumentName } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { CollabContext, CollabRefusal } from './context.ts'

/**
 * Admits a connection to `board:<id>` or `review:<id>` only with a valid link token for that
 * board, and makes it read-only where the link's role may not write: the design for reviewers
 * and viewers (and for everyone but owners while the owner has locked the board), the review for
 * viewers. Unknown boards and bad tokens get the same refusal, so
 * nobody can probe which boards exist.
 */
export class CollabAuth implements Extension {
  extensionName = 'concord-auth'

  constructor(
    private readonly access: BoardAccess,
    private readonly log: Logger,
    /** The owner's lock: while it holds, everyone but owners is read-only on the design. */
    private readonly lock: { isLocked(boardId: string): Promise<boolean> } = { isLocked: async () => false },
  ) {}

  async onAuthenticate({ documentName, token, connectionConfig, context }: onAuthenticatePayload): Promise<CollabContext> {
    const target = parseCollabDocumentName(documentName)
    const { address } = context as Partial<CollabContext>
    const decision = target === null ? null : await this.access.check(target.boardId, token, address)
    if (target === null || !decision?.granted) {
      // The token is never logged; the document name is the client's claim, cut to a sane length.
      this.log.info(
        { documentName: documentName.slice(0, 80), cause: decision?.granted === false ? decision.cause : 'not a board document' },
        'collab connection refused',
      )
      throw { reason: BOARD_REFUSAL } satisfies CollabRefusal
    }
    const { role, generation, sessionGeneration, student } = decision.grant
    const capabilities = capabilitiesOf(role)
    const locked = target.kind === 'board' && role !== 'owner' && (await this.lock.isLocked(target.boardId))
    connectionConfig.readOnly = target.kind === 'board' ? !capabilities.editDesign || locked : !capabilities.writeReview
    return { boardId: target.boardId, document: target.kind, role, generation, sessionGeneration, student, address }
  }
}
