import { useValue } from 'tldraw'
import { forgetBoard, recentBoards } from '../local/recentBoards.ts'
import { RecentList } from './RecentList.tsx'

export function RecentBoardList() {
  const boards = useValue('recent boards', () => recentBoards.get(), [])
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title" className="section-title">
        Your boards
      </h2>
      {boards.length === 0 ? (
        <p className="empty" data-testid="recent-boards-empty">
          Boards you create or open on this device appear here, so you can find them again, even offline.
        </p>
      ) : (
        <RecentList
          entries={boards}
          testId="recent-boards"
          entryTestId="recent-board"
          name={(board) => board.title}
          renderMeta={(board) => <span className={`role role--${board.role}`}>{board.role}</span>}
          renderForget={(board) => (
            <button
              type="button"
              className="recent__forget"
              data-testid="forget-board"
              aria-label={`Remove “${board.title}” from your boards`}
              title="Remove from this list (the board itself is kept)"
              onClick={() => forgetBoard(board.id)}
            >
              ×
            </button>
          )}
        />
      )}
    </section>
  )
}
