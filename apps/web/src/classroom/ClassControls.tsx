import { sessionLinkPath, type ControlCommand } from '@concord/shared'
import { useState } from 'react'
import { useValue } from 'tldraw'
import { Link } from 'wouter'
import { useBoard } from '../board/boardContext.ts'
import type { BoardSession } from '../board/sync/boardSession.ts'
import { currentTLUser } from '../identity/currentUser.ts'
import { boardControls } from './boardControls.ts'
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
  const state = boardControls.of(session)
  const controls = useValue('board controls', () => state.controls.get(), [state])
  const refusal = useValue('controls refusal', () => state.refusal.get(), [state])
  const [minutes, setMinutes] = useState(10)
  const { send } = state
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
          label={classSession ? 'Message to every team' : 'Message to everyone'}
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
      <OwnerToggle
        label="Cursor"
        active={controls.spotlight !== null}
        start={{ text: 'Spotlight my cursor', testId: 'spotlight', op: 'spotlight' }}
        stop={{ text: 'End the spotlight', op: 'spotlight-stop' }}
        send={send}
      />
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
      <OwnerToggle
        label="View"
        active={controls.follow !== null}
        start={{ text: 'Bring everyone to me', testId: 'follow-me', op: 'follow-me' }}
        stop={{ text: 'Let everyone go', op: 'follow-stop' }}
        send={send}
      />
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

/** A control that points everyone at the owner (spotlight, follow-me) and its way back. */
function OwnerToggle({
  label,
  active,
  start,
  stop,
  send,
}: {
  label: string
  active: boolean
  start: { text: string; testId: string; op: 'spotlight' | 'follow-me' }
  stop: { text: string; op: 'spotlight-stop' | 'follow-stop' }
  send(command: ControlCommand): void
}) {
  const me = useValue('me', () => currentTLUser.get(), [])
  return (
    <div className="class-controls__row">
      <span className="class-controls__label">{label}</span>
      {active ? (
        <button type="button" className="button button--quiet" onClick={() => send({ op: stop.op })}>
          {stop.text}
        </button>
      ) : (
        <button
          type="button"
          className="button button--quiet"
          data-testid={start.testId}
          disabled={!me}
          onClick={() => me && send({ op: start.op, userId: me.id, name: me.name })}
        >
          {start.text}
        </button>
      )}
    </div>
  )
}
