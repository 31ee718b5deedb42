import { sessionLinkPath } from '@concord/shared'
import { useState } from 'react'
import { useValue } from 'tldraw'
import { Link } from 'wouter'
import { useBoard } from '../board/ui/boardContext.ts'
import type { BoardSession } from '../board/sync/boardSession.ts'
import { currentTLUser } from '../identity/currentUser.ts'
import { BroadcastForm, TimerLengthSelect } from './BroadcastForm.tsx'
import { presenting } from './Presentation.tsx'

/** The owner's live-session controls: lock, timer, broadcast, bring everyone here. */
export function ClassControls({ session }: { session: BoardSession }) {
  const [open, setOpen] = useState(false)
  return (
    <div className="class-controls">
      <button
        type="button"
        className="button button--quiet board-share__button"
        aria-expanded={open}
        data-testid="class-controls-button"
        onClick={() => setOpen(!open)}
      >
        Class
      </button>
      {open && <ClassControlsPanel session={session} onClose={() => setOpen(false)} />}
    </div>
  )
}

function ClassControlsPanel({ session, onClose }: { session: BoardSession; onClose(): void }) {
  const { classSession } = useBoard()
  const controls = useValue('board controls', () => session.controls.get(), [session])
  const refusal = useValue('controls refusal', () => session.controlsRefusal.get(), [session])
  const me = useValue('me', () => currentTLUser.get(), [])
  const [minutes, setMinutes] = useState(10)
  const send = session.sendControl.bind(session)
  return (
    <div className="class-controls__panel card" role="dialog" aria-label="Class controls" data-testid="class-controls">
      {classSession && (
        <div className="class-controls__row">
          <span className="class-controls__label">Session</span>
          <Link href={sessionLinkPath(classSession.id, session.options.token)} className="button button--quiet" data-testid="session-dashboard-link">
            All teams of “{classSession.name}”
          </Link>
        </div>
      )}
      <div className="class-controls__row">
        <span className="class-controls__label">Board</span>
        <button
          type="button"
          className={controls.locked ? 'button button--primary' : 'button button--danger'}
          data-testid="lock-toggle"
          onClick={() => send({ op: controls.locked ? 'unlock' : 'lock' })}
        >
          {controls.locked ? 'Unlock' : 'Lock for everyone else'}
        </button>
      </div>
      <div className="class-controls__row">
        <span className="class-controls__label">Timer</span>
        <TimerLengthSelect className="input" minutes={minutes} onChange={setMinutes} />
        <button type="button" className="button button--quiet" data-testid="timer-start" onClick={() => send({ op: 'timer', seconds: minutes * 60 })}>
          Start
        </button>
        {controls.timer && (
          <button type="button" className="button button--quiet" onClick={() => send({ op: 'timer-stop' })}>
            Stop
          </button>
        )}
      </div>
      <div className="class-controls__row">
        <span className="class-controls__label">Message</span>
        <BroadcastForm
          className="class-controls__broadcast"
          label={classSession ? 'Message to every team' : 'Message to everyone on the board'}
          sendTestId="broadcast-send"
          onSend={(text) => send({ op: 'broadcast', text })}
        >
          {controls.broadcast && (
            <button type="button" className="button button--quiet" onClick={() => send({ op: 'broadcast-clear' })}>
              Clear
            </button>
          )}
        </BroadcastForm>
      </div>
      <div className="class-controls__row">
        <span className="class-controls__label">Cursor</span>
        {controls.spotlight ? (
          <button type="button" className="button button--quiet" onClick={() => send({ op: 'spotlight-stop' })}>
            End the spotlight
          </button>
        ) : (
          <button
            type="button"
            className="button button--quiet"
            data-testid="spotlight"
            disabled={!me}
            onClick={() => me && send({ op: 'spotlight', userId: me.id, name: me.name })}
          >
            Spotlight my cursor
          </button>
        )}
      </div>
      <div className="class-controls__row">
        <span className="class-controls__label">Present</span>
        <button
          type="button"
          className="button button--quiet"
          data-testid="present"
          onClick={() => {
            presenting.set(true)
            onClose()
          }}
        >
          Present the frames
        </button>
      </div>
      <div className="class-controls__row">
        <span className="class-controls__label">View</span>
        {controls.follow ? (
          <button type="button" className="button button--quiet" onClick={() => send({ op: 'follow-stop' })}>
            Let everyone go
          </button>
        ) : (
          <button
            type="button"
            className="button button--quiet"
            data-testid="follow-me"
            disabled={!me}
            onClick={() => me && send({ op: 'follow-me', userId: me.id, name: me.name })}
          >
            Bring everyone to me
          </button>
        )}
      </div>
      {refusal && (
        <p className="class-controls__refusal" role="alert">
          {refusal}
        </p>
      )}
      <button type="button" className="button button--quiet class-controls__close" onClick={onClose}>
        Close
      </button>
    </div>
  )
}
