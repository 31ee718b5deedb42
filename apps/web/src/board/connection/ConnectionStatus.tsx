import { useValue } from 'tldraw'
import type { Atom } from 'tldraw'
import { describeConnection, type ConnectionState } from './connectionState.ts'

export function ConnectionStatus({ connection }: { connection: Atom<ConnectionState> }) {
  const state = useValue('connection', () => connection.get(), [connection])
  return (
    <span
      className={`connection connection--${state.status}`}
      data-testid="connection-status"
      data-status={state.status}
      data-unsynced={state.unsynced}
      role="status"
      title={describeConnection(state)}
    >
      <span className="connection__dot" aria-hidden />
      <span className="connection__text">{describeConnection(state)}</span>
    </span>
  )
}
