import { findTemplate, type ControlCommand, type SessionResponse } from '@concord/shared'
import { useState, type ReactNode } from 'react'
import { PageHeader } from '../ui/PageHeader.tsx'
import { useOwned } from '../ui/useOwned.ts'
import { BroadcastForm, TimerLengthSelect } from './BroadcastForm.tsx'
import { RotateInstructorLinkDialog } from './RotateInstructorLinkDialog.tsx'
import { sessionCsv } from './sessionCsv.ts'
import { TeamBoardWatch } from './teamBoardWatch.ts'
import { TeamCard } from './TeamCard.tsx'

/** The instructor's dashboard: every team board live, and controls that apply to all of them. */
export function SessionDashboard({
  session,
  token,
  onTokenRotated,
  children,
}: {
  session: SessionResponse
  token: string
  /** The instructor link was replaced: the session with its new links, and the new token. */
  onTokenRotated(session: SessionResponse, token: string): void
  /** What other features add below the teams (the peer review). */
  children?: ReactNode
}) {
  const [rotating, setRotating] = useState(false)
  const [rotated, setRotated] = useState(false)
  const watches = useOwned(
    () => session.teams.map((team) => new TeamBoardWatch(team.boardId, token)),
    (owned) => owned.forEach((watch) => watch.destroy()),
    [session, token],
  )
  const templateName = session.template ? (findTemplate(session.template)?.name ?? null) : null
  const [minutes, setMinutes] = useState(10)
  const all = (command: ControlCommand) => watches?.forEach((watch) => watch.send(command))
  const downloadCsv = () => {
    const url = URL.createObjectURL(new Blob([sessionCsv(session, location.origin)], { type: 'text/csv' }))
    const anchor = Object.assign(document.createElement('a'), { href: url, download: `${session.name} – team links.csv` })
    anchor.click()
    URL.revokeObjectURL(url)
  }
  return (
    <div className="page session">
      <PageHeader />
      <main className="session__main">
        <div className="session__title-row">
          <div>
            <p className="session__eyebrow">
              Class session · {session.teams.length} teams{templateName && ` · started from “${templateName}”`}
            </p>
            <h1 className="session__title">{session.name}</h1>
          </div>
          <div className="session__title-actions">
            <button type="button" className="button button--quiet" onClick={downloadCsv} data-testid="session-csv">
              Team links (CSV)
            </button>
            <button type="button" className="button button--quiet" onClick={() => setRotating(true)} data-testid="rotate-instructor-link">
              Replace instructor link…
            </button>
          </div>
        </div>
        {rotated && (
          <div className="session__notice" role="status" data-testid="instructor-link-rotated">
            <p>
              Instructor link replaced: the old one no longer opens this dashboard or any team board. This page’s address is the
              new link; bookmark it.
            </p>
            <button type="button" className="button button--quiet" onClick={() => setRotated(false)}>
              Dismiss
            </button>
          </div>
        )}
        {rotating && (
          <RotateInstructorLinkDialog
            session={session}
            token={token}
            onClose={() => setRotating(false)}
            onRotated={(next, nextToken) => {
              setRotating(false)
              setRotated(true)
              onTokenRotated(next, nextToken)
            }}
          />
        )}
        <section className="session__controls card" aria-label="Controls for every team">
          <span className="session__controls-label">All teams</span>
          <button type="button" className="button button--danger" data-testid="lock-all" onClick={() => all({ op: 'lock' })}>
            Lock all
          </button>
          <button type="button" className="button button--quiet" data-testid="unlock-all" onClick={() => all({ op: 'unlock' })}>
            Unlock all
          </button>
          <TimerLengthSelect className="input session__minutes" minutes={minutes} onChange={setMinutes} />
          <button type="button" className="button button--quiet" data-testid="timer-all" onClick={() => all({ op: 'timer', seconds: minutes * 60 })}>
            Start timer for all
          </button>
          <BroadcastForm
            className="session__broadcast"
            label="Message to every team"
            sendTestId="broadcast-all"
            primary
            onSend={(text) => all({ op: 'broadcast', text })}
          />
        </section>
        <ul className="session__teams">
          {watches &&
            session.teams.map((team, index) => <TeamCard key={team.boardId} team={team} watch={watches[index]!} />)}
        </ul>
        {children}
      </main>
    </div>
  )
}
