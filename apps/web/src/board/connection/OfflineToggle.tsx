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
      aria-label={offline ? 'Go online' : 'Go offline'}
      data-testid="offline-toggle"
      title={offline ? 'Go online: this tab’s offline edits merge with everyone else’s' : 'Go offline: keep editing here, merge later'}
      onClick={() => setTabOffline(!offline)}
    >
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden>
        <path d="M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0" />
        <circle cx="12" cy="19.5" r="1" fill="currentColor" />
        {offline && <path d="M3 3l18 18" />}
      </svg>
    </button>
  )
}
