import { useValue } from 'tldraw'
import type { Atom } from 'tldraw'
import { describeConnection, explainConnection, type ConnectionState } from './connectionState.ts'

export function ConnectionStatus({ connection }: { connection: Atom<ConnectionState> }) {
  const state = useValue('connection', () => connection.get(), [connection])
  return (
    <span
      className={`connection connection--${state.status}${state.notSaved || state.refused ? ' connection--not-saved' : ''}`}
      data-testid="connection-status"
      data-status={state.status}
      data-unsynced={state.unsynced}
      data-not-saved={state.notSaved}
      data-refused={state.refused ?? ''}
      role="status"
      title={explainConnection(state)}
    >
      <span className="connection__dot" aria-hidden />
      <span className="connection__text">{describeConnection(state)}</span>
    </span>
  )
}
