import { useState } from 'react'
import { useValue } from 'tldraw'
import { Link } from 'wouter'
import type { BoardSession } from '../board/sync/boardSession.ts'
import { useNow } from '../ui/useNow.ts'
import { useOwned } from '../ui/useOwned.ts'
import { distinctColors, replicaName } from './authorColors.ts'
import { LabClient } from './labClient.ts'
import { LabConcepts } from './LabConcepts.tsx'
import { clientIdOf, convergence, holdsCopy, LAB_HISTORY_MS, laneKey, offlineReplicas, serverOf, shownReplicas } from './labState.ts'
import { ReplicaCard, ServerCard } from './ReplicaCard.tsx'
import { serverLane, SpaceTimeDiagram, type Lane } from './SpaceTimeDiagram.tsx'

const WINDOW_MS = 20_000

/** The replication lab of one board, made to be projected: replicas, messages, convergence, faults. */
export function LabView({ session, title }: { session: BoardSession; title: string }) {
  const client = useOwned(
    () => new LabClient(session.provider),
    (owned) => owned.destroy(),
    [session],
  )
  return client && <LabPanels session={session} title={title} client={client} />
}

function LabPanels({ session, title, client }: { session: BoardSession; title: string; client: LabClient }) {
  const state = useValue('lab state', () => client.state.get(), [client])
  const now = useNow(500)
  const [paused, setPaused] = useState<number | null>(null)
  const [back, setBack] = useState(0)
  const replicas = shownReplicas(state)
  const canFault = session.options.role === 'owner'
  const verdict = convergence(state)
  const end = (paused ?? now) - back
  const offline = offlineReplicas(state).filter(holdsCopy)
  const everyone = [...replicas, ...offline]
  const colors = distinctColors(everyone)
  // The lab's own node first; with several nodes each is named for the lab ("Server 2").
  const servers = [...state.servers.values()].sort((a, b) => Number(b.nodeId === state.localNode) - Number(a.nodeId === state.localNode))
  const serverLabel = (nodeId: string) => {
    const index = servers.findIndex((server) => server.nodeId === nodeId)
    return servers.length > 1 && index >= 0 ? `Server ${index + 1}` : 'Server'
  }
  const lanes: Lane[] = servers.map((server) => ({ id: serverLane(server.nodeId), label: serverLabel(server.nodeId), color: 'var(--text)' }))
  for (const replica of everyone) {
    const id = laneKey(state, replica.connectionId)
    if (lanes.some((lane) => lane.id === id)) continue
    const clientId = clientIdOf(replica)
    const name = replicaName(replica, session.doc.clientID)
    const label = offline.includes(replica) ? `${name} (offline)` : name
    lanes.push({ id, label, color: clientId === null ? 'var(--text-muted)' : colors(clientId) })
  }
  const hash = location.hash
  return (
    <main className="lab" data-testid="lab">
      <header className="lab__header">
        <div>
          <p className="lab__eyebrow">Replication lab</p>
          <h1 className="lab__title">{title}</h1>
        </div>
        <div className={`lab-verdict lab-verdict--${verdict}`} data-testid="lab-verdict" data-verdict={verdict} role="status">
          {verdict === 'converged' ? 'Converged' : verdict === 'diverged' ? 'Diverged' : 'Waiting for reports'}
          {state.converged && verdict === 'converged' && (
            <span className="lab-verdict__detail" data-testid="lab-converged-after">
              {`${state.converged.ms} ms after the heal`}
            </span>
          )}
        </div>
        <Link href={`/b/${session.options.boardId}${hash}`} className="button button--quiet">
          Back to the board
        </Link>
      </header>
      {state.refusal && (
        <p className="lab__refusal" role="alert">
          {state.refusal}
        </p>
      )}
      <div className="lab__body">
        <section className="lab__replicas" aria-label="Replicas">
          <div className="lab__section-head">
            <h2>Replicas</h2>
            {canFault && state.faults.length > 0 && (
              <button
                type="button"
                className="button button--primary lab-button"
                data-testid="lab-heal-all"
                onClick={() => client.fault({ op: 'heal-all' })}
              >
                Heal all
              </button>
            )}
          </div>
          <ul className="lab__replica-list">
            {servers.map((server) => (
              <ServerCard key={server.nodeId} server={server} label={serverLabel(server.nodeId)} local={server.nodeId === state.localNode} />
            ))}
            {everyone.map((replica) => {
              const isOffline = offline.includes(replica)
              return (
                <ReplicaCard
                  key={replica.connectionId}
                  replica={replica}
                  colorOf={colors}
                  server={serverOf(state, replica)}
                  serverLabel={servers.length > 1 ? serverLabel(replica.nodeId) : null}
                  now={now}
                  canFault={canFault && !isOffline}
                  offline={isOffline}
                  self={session.doc.clientID}
                  onFault={(command) => client.fault(command)}
                />
              )
            })}
          </ul>
          {!state.subscribed && <p className="lab__hint">Connecting to the server’s telemetry…</p>}
          {!canFault && <p className="lab__hint">Only the board’s owner can partition replicas or add latency.</p>}
        </section>
        <section className="lab__diagram" aria-label="Space-time diagram">
          <div className="lab__section-head">
            <h2>Messages</h2>
            <button type="button" className="button button--quiet lab-button" data-testid="lab-pause" onClick={() => setPaused(paused === null ? now : null)}>
              {paused === null ? 'Pause' : 'Resume'}
            </button>
            <label className="lab__scroll">
              <span>Scroll back</span>
              <input
                type="range"
                min={0}
                max={LAB_HISTORY_MS - WINDOW_MS}
                step={1000}
                value={back}
                onChange={(event) => setBack(Number(event.currentTarget.value))}
              />
              <span className="lab-mono">{back === 0 ? 'now' : `−${Math.round(back / 1000)} s`}</span>
            </label>
          </div>
          <SpaceTimeDiagram
            lanes={lanes}
            legs={state.legs}
            end={end}
            windowMs={WINDOW_MS}
            colorOf={colors}
            laneOf={(connectionId) => laneKey(state, connectionId)}
          />
          <p className="lab__hint">
            Arrows are updates, coloured by who wrote them: up to the server, then down to every other replica. Dashed: held
            back by injected latency. A cross: dropped by a partition.
          </p>
        </section>
        <LabConcepts nodes={servers.length} />
      </div>
    </main>
  )
}
