import { useValue } from 'tldraw'
import { Link } from 'wouter'
import { forgetBoard, recentBoards } from '../local/recentBoards.ts'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

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
        <ul className="recent__list" data-testid="recent-boards">
          {[...boards]
            .sort((a, b) => b.lastOpened - a.lastOpened)
            .map((board) => (
              <li key={board.id} className="recent__entry">
                <Link href={board.link} className="recent__item" data-testid="recent-board">
                  <span className="recent__title" title={board.title}>
                    {board.title}
                  </span>
                  <span className="recent__meta">
                    <span className={`role role--${board.role}`}>{board.role}</span>
                    <span>Opened {dateFormat.format(board.lastOpened)}</span>
                  </span>
                </Link>
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
              </li>
            ))}
        </ul>
      )}
    </section>
  )
}
