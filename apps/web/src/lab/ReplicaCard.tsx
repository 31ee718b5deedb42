import { formatStateVector, type FaultCommand, type Replica, type ServerState } from '@concord/shared'
import { useState } from 'react'
import { replicaName } from './authorColors.ts'

const LATENCIES = [0, 250, 500, 1000, 2000, 5000]

function ago(at: number | null | undefined, now: number): string {
  if (!at) return 'never'
  const seconds = Math.max(0, Math.round((now - at) / 1000))
  return seconds < 1 ? 'just now' : seconds < 60 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago`
}

/** A server node's card: the replica every other one syncs through (with several nodes, one card each). */
export function ServerCard({ server, label, local }: { server: ServerState; label: string; local: boolean }) {
  return (
    <li className="lab-replica lab-replica--server" data-testid="lab-server" data-node={server.nodeId}>
      <div className="lab-replica__head">
        <span className="lab-replica__dot lab-replica__dot--server" aria-hidden />
        <span className="lab-replica__name">{label}</span>
        <span className="lab-replica__meta">
          node {server.nodeId}
          {local && ' · this lab’s node'}
        </span>
      </div>
      <dl className="lab-replica__facts">
        <dt>State vector</dt>
        <dd className="lab-mono">{formatStateVector(server.stateVector)}</dd>
        <dt>Digest</dt>
        <dd className="lab-mono" data-testid="lab-server-digest">
          {server.digest.slice(0, 8)}
        </dd>
      </dl>
    </li>
  )
}

export function ReplicaCard({
  replica,
  colorOf,
  server,
  now,
  canFault,
  offline = false,
  self,
  serverLabel,
  onFault,
}: {
  replica: Replica
  /** The replica's colour by Yjs client id, the same in the diagram. */
  colorOf(clientId: number): string
  /** The state of the server node it is connected to. */
  server: ServerState | null
  /** That node's name when there are several, else null. */
  serverLabel: string | null
  now: number
  canFault: boolean
  /** The replica has no open connection any more: its last known state is shown. */
  offline?: boolean
  /** The Yjs client id of the lab's own tab, to tell it apart. */
  self?: number
  onFault(command: FaultCommand): void
}) {
  const [latency, setLatency] = useState(1000)
  const clientId = replica.clientId ?? replica.report?.clientId ?? null
  const digest = replica.report?.digest
  const inSync = digest !== undefined && server !== null && digest === server.digest
  const state = offline ? 'offline' : replica.status
  const status = state === 'delayed' ? `delayed ${replica.latencyMs} ms` : state
  return (
    <li className={`lab-replica lab-replica--${state}`} data-testid="lab-replica" data-status={state}>
      <div className="lab-replica__head">
        <span
          className="lab-replica__dot"
          style={{ background: clientId === null ? undefined : colorOf(clientId) }}
          aria-hidden
        />
        <span className="lab-replica__name">{replicaName(replica, self)}</span>
        <span className={`lab-pill lab-pill--${state}`}>{status}</span>
      </div>
      <p className="lab-replica__meta">
        {replica.protocol === 'y-websocket' ? 'y-websocket' : 'browser'} · {replica.role}
        {clientId !== null && <> · client {clientId}</>}
        {serverLabel && <> · on {serverLabel}</>}
      </p>
      <dl className="lab-replica__facts">
        <dt>State vector</dt>
        <dd className="lab-mono">{replica.report ? formatStateVector(replica.report.stateVector) : 'not reported yet'}</dd>
        <dt>Digest</dt>
        <dd className="lab-mono" data-testid="lab-replica-digest">
          {digest ? digest.slice(0, 8) : '—'}{' '}
          {digest && <span className={inSync ? 'lab-same' : 'lab-differs'}>{inSync ? '= server' : '≠ server'}</span>}
        </dd>
        <dt>Unacknowledged</dt>
        <dd>{replica.report?.pending ?? '—'}</dd>
        <dt>Last sent / received</dt>
        <dd>
          {ago(replica.lastSentAt, now)} / {ago(replica.lastReceivedAt, now)}
        </dd>
      </dl>
      {canFault && clientId !== null && (
        <div className="lab-replica__faults">
          {replica.status === 'partitioned' ? (
            <button type="button" className="button button--primary lab-button" onClick={() => onFault({ op: 'heal', clientId })}>
              Heal
            </button>
          ) : (
            <button
              type="button"
              className="button button--danger lab-button"
              data-testid="lab-partition"
              onClick={() => onFault({ op: 'partition', clientId })}
            >
              Partition
            </button>
          )}
          <label className="lab-latency">
            <span className="visually-hidden">Latency</span>
            <select
              className="input lab-latency__select"
              value={latency}
              onChange={(event) => setLatency(Number(event.currentTarget.value))}
            >
              {LATENCIES.map((ms) => (
                <option key={ms} value={ms}>
                  {ms === 0 ? 'no latency' : `${ms} ms`}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--quiet lab-button" onClick={() => onFault({ op: 'latency', clientId, ms: latency })}>
            Set latency
          </button>
          {replica.status === 'delayed' && (
            <button type="button" className="button button--quiet lab-button" onClick={() => onFault({ op: 'heal', clientId })}>
              Heal
            </button>
          )}
        </div>
      )}
    </li>
  )
}
