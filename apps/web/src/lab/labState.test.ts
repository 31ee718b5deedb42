import { LAB_CHANNEL, type LabServerMessage, type Replica, type UpdateLeg } from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { convergence, EMPTY_LAB_STATE, LAB_HISTORY_MS, laneKey, offlineReplicas, reduceLab, serverOf, shownReplicas, type LabState } from './labState.ts'

const replica = (connectionId: string, digest: string | null, nodeId = 'n1'): Replica => ({
  connectionId,
  nodeId,
  clientId: Number(connectionId.replace(/\D/g, '')) || 1,
  protocol: 'hocuspocus',
  role: 'editor',
  user: { name: connectionId, color: '#123456' },
  status: 'online',
  latencyMs: 0,
  connectedAt: 0,
  report: digest === null ? null : { clientId: 1, stateVector: {}, digest, user: null, pending: 0, at: 0 },
  lastSentAt: null,
  lastReceivedAt: null,
})

const leg = (id: string, at: number): UpdateLeg => ({
  id,
  direction: 'in',
  connectionId: 'c1',
  nodeId: 'n1',
  at,
  kind: 'update',
  authors: [{ clientId: 1, from: 0, to: 1 }],
  bytes: 20,
  fate: { fate: 'delivered' },
  causes: [],
})

const event = (e: Extract<LabServerMessage, { type: 'event' }>['event']): LabServerMessage => ({ channel: LAB_CHANNEL, type: 'event', event: e })

function snapshot(replicas: Replica[], digest = 'aaaa'): LabState {
  return reduceLab(EMPTY_LAB_STATE, {
    channel: LAB_CHANNEL,
    type: 'snapshot',
    at: 0,
    server: { nodeId: 'n1', stateVector: {}, digest },
    replicas,
    faults: [],
  })
}

describe('lab state', () => {
  it('starts from the snapshot and follows replicas joining, changing and leaving', () => {
    let state = snapshot([replica('c1', 'aaaa')])
    expect(state.subscribed).toBe(true)
    state = reduceLab(state, event({ type: 'replica-joined', at: 1, replica: replica('c2', null) }))
    state = reduceLab(state, event({ type: 'replica-changed', at: 2, replica: { ...replica('c2', 'bbbb'), status: 'partitioned' } }))
    expect(state.replicas.get('c2')).toMatchObject({ status: 'partitioned', report: { digest: 'bbbb' } })
    state = reduceLab(state, event({ type: 'replica-left', at: 3, connectionId: 'c1' }))
    expect([...state.replicas.keys()]).toEqual(['c2'])
  })

  it('keeps update legs for the history window only', () => {
    let state = snapshot([])
    state = reduceLab(state, event({ type: 'update', at: 1000, leg: leg('old', 1000) }))
    state = reduceLab(state, event({ type: 'update', at: 2000, leg: leg('recent', 2000) }))
    state = reduceLab(state, event({ type: 'update', at: 1000 + LAB_HISTORY_MS + 1, leg: leg('new', 1000 + LAB_HISTORY_MS + 1) }))
    expect(state.legs.map((l) => l.id)).toEqual(['recent', 'new'])
  })

  it('judges convergence from the digests replicas reported against the server’s', () => {
    expect(convergence(EMPTY_LAB_STATE)).toBe('unknown')
    expect(convergence(snapshot([replica('c1', null)]))).toBe('unknown')
    expect(convergence(snapshot([replica('c1', 'aaaa'), replica('c2', 'aaaa')]))).toBe('converged')
    const diverged = snapshot([replica('c1', 'aaaa'), replica('c2', 'bbbb')])
    expect(convergence(diverged)).toBe('diverged')
    const healed = reduceLab(diverged, event({ type: 'replica-changed', at: 5, replica: replica('c2', 'aaaa') }))
    expect(convergence(healed)).toBe('converged')
    const measured = reduceLab(healed, event({ type: 'converged', at: 6, healedAt: 4, ms: 2, replicas: 2 }))
    expect(measured.converged).toEqual({ at: 6, healedAt: 4, ms: 2, replicas: 2 })
  })

  it('keeps a replica’s lane across its reconnects, and shows a replica whose connections all closed as offline', () => {
    let state = snapshot([{ ...replica('c1', 'aaaa'), clientId: 7 }, { ...replica('c2', 'aaaa'), clientId: 8 }])
    // c1 is healed: its connection closes and the same Yjs client comes back as c3.
    state = reduceLab(state, event({ type: 'replica-left', at: 10, connectionId: 'c1' }))
    state = reduceLab(state, event({ type: 'replica-joined', at: 11, replica: { ...replica('c3', 'aaaa'), clientId: 7 } }))
    expect(laneKey(state, 'c1')).toBe(laneKey(state, 'c3'))
    expect(offlineReplicas(state)).toEqual([])
    // c2 goes away for good.
    state = reduceLab(state, event({ type: 'replica-left', at: 12, connectionId: 'c2' }))
    expect(offlineReplicas(state).map((r) => r.connectionId)).toEqual(['c2'])
    expect(laneKey(state, 'c2')).toBe('client:8')
  })

  it('with several server nodes, shows each with its replicas, converges only when all agree, and drops a node that left', () => {
    let state = snapshot([replica('c1', 'aaaa')])
    state = reduceLab(state, event({ type: 'server-state', at: 1, server: { nodeId: 'n2', stateVector: {}, digest: 'bbbb' } }))
    state = reduceLab(state, event({ type: 'replica-changed', at: 1, replica: replica('c2', 'bbbb', 'n2') }))
    expect([...state.servers.keys()]).toEqual(['n1', 'n2'])
    expect(state.localNode).toBe('n1')
    expect(serverOf(state, state.replicas.get('c2')!)?.digest).toBe('bbbb')
    // Node 2 has not caught up with node 1: not converged, even where each replica matches its own node.
    expect(convergence(state)).toBe('diverged')
    state = reduceLab(state, event({ type: 'server-state', at: 2, server: { nodeId: 'n2', stateVector: {}, digest: 'aaaa' } }))
    state = reduceLab(state, event({ type: 'replica-changed', at: 2, replica: replica('c2', 'aaaa', 'n2') }))
    expect(convergence(state)).toBe('converged')
    state = reduceLab(state, event({ type: 'node-left', at: 3, nodeId: 'n2' }))
    expect([...state.servers.keys()]).toEqual(['n1'])
    expect([...state.replicas.keys()]).toEqual(['c1'])
    expect(offlineReplicas(state).map((r) => r.connectionId)).toEqual(['c2'])
  })

  it('records a refused fault command with its reason', () => {
    const state = reduceLab(snapshot([]), { channel: LAB_CHANNEL, type: 'refused', reason: 'only the owner can inject faults' })
    expect(state.refusal).toBe('only the owner can inject faults')
  })
})

describe('shown replicas', () => {
  it('keep their order when a heal reconnects the first one', () => {
    const first = { ...replica('c1', 'aaaa'), clientId: 11, connectedAt: 100 }
    const second = { ...replica('c2', 'aaaa'), clientId: 22, connectedAt: 200 }
    // c1 was healed: its old connection left, it came back as c3 after c2.
    const back = { ...first, connectionId: 'c3', connectedAt: 900 }
    const state: LabState = {
      ...snapshot([second, back]),
      departed: new Map([['c1', { replica: first, leftAt: 850 }]]),
    }
    expect(shownReplicas(state).map((r) => r.clientId)).toEqual([11, 22])
  })

  it('leave out a browser connection that holds no copy (never reports), but keep headless replicas', () => {
    const dashboard = { ...replica('c5', null), user: null }
    const headless = { ...replica('c6', null), protocol: 'y-websocket' as const }
    const tab = replica('c7', 'aaaa')
    expect(shownReplicas(snapshot([dashboard, headless, tab])).map((r) => r.connectionId).sort()).toEqual(['c6', 'c7'])
  })
})
