import { MAX_BROADCAST_LENGTH } from '@concord/shared'
import { useState, type ReactNode } from 'react'

/** A message for everyone: typed, sent on Enter or the button, then cleared. */
export function BroadcastForm({
  className,
  label,
  sendTestId,
  primary = false,
  onSend,
  children,
}: {
  className: string
  /** What the message reaches, as the input's label and placeholder. */
  label: string
  sendTestId: string
  primary?: boolean
  onSend(text: string): void
  /** More controls after the Send button. */
  children?: ReactNode
}) {
  const [message, setMessage] = useState('')
  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault()
        if (message.trim()) onSend(message.trim())
        setMessage('')
      }}
    >
      <input
        className="input"
        aria-label={label}
        placeholder={label}
        maxLength={MAX_BROADCAST_LENGTH}
        value={message}
        onChange={(event) => setMessage(event.currentTarget.value)}
      />
      <button type="submit" className={primary ? 'button button--primary' : 'button button--quiet'} data-testid={sendTestId}>
        Send
      </button>
      {children}
    </form>
  )
}

export const TIMER_MINUTES = [5, 10, 15, 30]

/** The length of a countdown, in minutes. */
export function TimerLengthSelect({ minutes, onChange, className }: { minutes: number; onChange(minutes: number): void; className: string }) {
  return (
    <select className={className} aria-label="Timer length" value={minutes} onChange={(event) => onChange(Number(event.currentTarget.value))}>
      {TIMER_MINUTES.map((m) => (
        <option key={m} value={m}>
          {m} min
        </option>
      ))}
    </select>
  )
}
