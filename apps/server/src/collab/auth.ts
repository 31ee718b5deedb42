import type { Extension, onAuthenticatePayload } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { BOARD_REFUSAL, capabilitiesOf, parseBoardDocumentName } from '@concord/shared'
import type { BoardAccess } from '../access/board-access.ts'
import type { CollabContext, CollabRefusal } from './context.ts'

/**
 * Admits a connection to `board:<id>` only with a valid link token for that board, and makes it
 * read-only when the link's role may not edit the design. Unknown boards and bad tokens get the
 * same refusal, so nobody can probe which boards exist.
 */
export class CollabAuth implements Extension {
  extensionName = 'concord-auth'

  constructor(
    private readonly access: BoardAccess,
    private readonly log: Logger,
  ) {}

  async onAuthenticate({ documentName, token, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
    const boardId = parseBoardDocumentName(documentName)
    const decision = boardId === null ? null : await this.access.check(boardId, token)
    if (boardId === null || !decision?.granted) {
      // The token is never logged; the document name is the client's claim, cut to a sane length.
      this.log.info(
        { documentName: documentName.slice(0, 80), cause: decision?.granted === false ? decision.cause : 'not a board document' },
        'collab connection refused',
      )
      throw { reason: BOARD_REFUSAL } satisfies CollabRefusal
    }
    const { role } = decision.grant
    connectionConfig.readOnly = !capabilitiesOf(role).editDesign
    return { boardId, role }
  }
}
