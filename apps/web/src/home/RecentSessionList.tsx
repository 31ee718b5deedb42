import { useValue } from 'tldraw'
import { recentSessions } from '../local/recentSessions.ts'
import { RecentList } from './RecentList.tsx'

/** The instructor's class sessions (those whose dashboard was opened on this device); nothing when none. */
export function RecentSessionList() {
  const sessions = useValue('recent sessions', () => recentSessions.get(), [])
  if (sessions.length === 0) return null
  return (
    <section className="recent" aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="section-title">
        Your class sessions
      </h2>
      <RecentList
        entries={sessions}
        testId="recent-sessions"
        entryTestId="recent-session"
        name={(session) => session.name}
        renderMeta={(session) => (
          <span>
            {session.teams} {session.teams === 1 ? 'team' : 'teams'}
          </span>
        )}
      />
    </section>
  )
}
