import { useState } from 'react'
import { FullPageMessage } from '../ui/FullPageMessage.tsx'
import { reloadToUpdate } from './serviceWorker.ts'

/** What a board written by a newer version of Concord shows instead of the editor. */
export function BoardFromNewerVersion() {
  const [reloading, setReloading] = useState(false)
  const reload = (
    <button
      type="button"
      className="button button--primary"
      data-testid="reload-to-update"
      disabled={reloading}
      onClick={() => {
        setReloading(true)
        void reloadToUpdate()
      }}
    >
      {reloading ? 'Updating…' : 'Reload to update'}
    </button>
  )
  return (
    <FullPageMessage
      title="Concord needs an update"
      message="A newer version of Concord wrote this board: reload to update."
      testId="board-outdated"
      action={reload}
    >
      <p className="full-message__hint">
        This version stopped editing the board so that it cannot damage what the newer version wrote. Your earlier
        edits are on the board.
      </p>
    </FullPageMessage>
  )
}
