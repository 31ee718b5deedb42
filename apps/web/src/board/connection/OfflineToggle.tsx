import { useValue } from 'tldraw'
import { setTabOffline, tabOffline } from '../sync/socket.ts'

/** Takes this tab offline and back: keep editing, watch the edits merge on return. */
export function OfflineToggle() {
  const offline = useValue('tab offline', () => tabOffline.get(), [])
  return (
    <button
      type="button"
      className={`board-top__button${offline ? ' board-top__button--active' : ''}`}
      aria-pressed={offline}
      data-testid="offline-toggle"
      title={offline ? 'Reconnect this tab; its offline edits merge with everyone else’s' : 'Disconnect this tab to see offline edits merge later'}
      onClick={() => setTabOffline(!offline)}
    >
      {offline ? 'Go online' : 'Go offline'}
    </button>
  )
}
