import { useValue } from 'tldraw'
import { Link } from 'wouter'
import { recentSessions } from '../local/recentSessions.ts'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** The instructor's class sessions (those whose dashboard was opened on this device); nothing when none. */
export function RecentSessionList() {
  const sessions = useValue('recent sessions', () => recentSessions.get(), [])
  if (sessions.length === 0) return null
  return (
    <section className="recent" aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="section-title">
        Your class sessions
      </h2>
      <ul className="recent__list" data-testid="recent-sessions">
        {[...sessions]
          .sort((a, b) => b.lastOpened - a.lastOpened)
          .map((session) => (
            <li key={session.id} className="recent__entry">
              <Link href={session.link} className="recent__item" data-testid="recent-session">
                <span className="recent__title" title={session.name}>
                  {session.name}
                </span>
                <span className="recent__meta">
                  <span>
                    {session.teams} {session.teams === 1 ? 'team' : 'teams'}
                  </span>
                  <span>Opened {dateFormat.format(session.lastOpened)}</span>
                </span>
              </Link>
            </li>
          ))}
      </ul>
    </section>
  )
}
