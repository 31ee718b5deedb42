import { BOARD_REFUSAL } from '@concord/shared'
import { FullPageMessage } from '../ui/FullPageMessage.tsx'

/** The uniform answer for a link that does not open a board (unknown board, bad or revoked link). */
export function BoardRefused() {
  return (
    <FullPageMessage title="This board cannot be opened" message={BOARD_REFUSAL} testId="board-error">
      <p className="full-message__hint">
        Check that you opened the whole link, including the part after “#”, or ask the board’s owner to send it again.
      </p>
    </FullPageMessage>
  )
}
