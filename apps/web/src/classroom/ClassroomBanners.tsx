import type { BoardControls } from '@concord/shared'
import { useState } from 'react'
import { useValue, type Atom } from 'tldraw'
import { formatCountdown, useCountdown } from './useCountdown.ts'

/**
 * What the board's owner has set for everyone, under the board's title: the lock, the timer, a
 * broadcast message, and who the participants are following.
 */
export function ClassroomBanners({ controls, isOwner, canComment }: { controls: Atom<BoardControls>; isOwner: boolean; canComment: boolean }) {
  const state = useValue('board controls', () => controls.get(), [controls])
  return (
    <>
      {state.locked && (
        <div className="board-banner classroom-banner classroom-banner--lock" role="status" data-testid="lock-banner">
          {isOwner
            ? 'You have locked the board: only owners can change the design. Comments stay open.'
            : canComment
              ? 'The board is locked by its owner: you can look and comment, not edit.'
              : 'The board is locked by its owner: nobody but its owners can change it now.'}
        </div>
      )}
      {state.timer && <TimerBanner endsAt={state.timer.endsAt} />}
      {state.broadcast && <BroadcastBanner key={state.broadcast.at} text={state.broadcast.text} />}
    </>
  )
}

function TimerBanner({ endsAt }: { endsAt: number }) {
  const left = useCountdown(endsAt)
  const over = left === 0
  return (
    <div
      className={`board-banner classroom-banner classroom-banner--timer${over ? ' classroom-banner--over' : ''}`}
      role="timer"
      aria-live={over ? 'assertive' : 'off'}
      data-testid="timer-banner"
      data-over={over}
    >
      {over ? 'Time is up' : <>Time left <strong className="classroom-banner__time">{formatCountdown(left)}</strong></>}
    </div>
  )
}

function BroadcastBanner({ text }: { text: string }) {
  const [dismissed, setDismissed] = useState(false)
  if (dismissed) return null
  return (
    <div className="board-banner classroom-banner classroom-banner--broadcast" role="status" data-testid="broadcast-banner">
      <span className="classroom-banner__text">{text}</span>
      <button type="button" className="classroom-banner__close" aria-label="Dismiss the message" onClick={() => setDismissed(true)}>
        ×
      </button>
    </div>
  )
}
