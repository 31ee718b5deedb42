import { describe, expect, it } from 'vitest'
import { boardDigest } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { synced } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { events, labInbox, sendFault, sendReport, subscribe } from './helpers/lab.ts'
import { testResources } from './helpers/resources.ts'
import { openYws, ywsSynced } from './helpers/y-websocket.ts'

const { start, open, track } = testResources()

describe('lab telemetry', () => {
  it('sends a subscribed viewer a snapshot of every replica, then joins, updates with their legs, faults and convergence', async () => {
    const server = await start()
    const created = await createBoard(server.url)
    const owner = open(server.url, created.id, linkToken(created.links.owner))
    const editor = open(server.url, created.id, linkToken(created.links.editor))
    const bystander = open(server.url, created.id, linkToken(created.links.editor))
    const bystanderInbox = labInbox(bystander)
    const inbox = labInbox(owner)
    await Promise.all([synced(owner), synced(editor), synced(bystander)])
    editor.provider.setAwarenessField('user', { name: 'Eve', color: '#ff0000' })
    sendReport(editor)

    subscribe(owner)
    const snapshot = await waitFor(() => inbox.find((message) => message.type === 'snapshot'), { what: 'the snapshot' })
    expect(snapshot.replicas).toHaveLength(3)
    expect(snapshot.server.digest).toBe(boardDigest(owner.doc))
    const eve = await waitFor(
      () => [...snapshot.replicas, ...events(inbox).flatMap((e) => (e.type === 'replica-changed' ? [e.replica] : []))].find((r) => r.user?.name === 'Eve' && r.report),
      { what: "the editor's row with its user and report" },
    )
    expect(eve).toMatchObject({ clientId: editor.doc.clientID, protocol: 'hocuspocus', role: 'editor', status: 'online' })

    const yws = track(openYws(server.url, created.id, linkToken(created.links.editor)))
    await ywsSynced(yws)
    const joined = await waitFor(() => events(inbox).find((e) => e.type === 'replica-joined'), { what: 'the y-websocket replica to join' })
    expect(joined.type === 'replica-joined' && joined.replica.protocol).toBe('y-websocket')

    editor.doc.getMap('test').set('k', 1)
    const inLeg = await waitFor(
      () => events(inbox).flatMap((e) => (e.type === 'update' && e.leg.direction === 'in' && e.leg.authors.some((a) => a.clientId === editor.doc.clientID) ? [e.leg] : []))[0],
      { what: "the editor's update arriving" },
    )
    expect(inLeg.fate).toEqual({ fate: 'delivered' })
    await waitFor(() => events(inbox).some((e) => e.type === 'update' && e.leg.direction === 'out' && e.leg.causes.includes(inLeg.id)), { what: 'its relays' })
    await waitFor(() => events(inbox).some((e) => e.type === 'server-state' && e.server.stateVector[String(editor.doc.clientID)] === 1), {
      what: "the server's state vector to show the edit",
    })

    sendFault(owner, { op: 'partition', clientId: editor.doc.clientID })
    await waitFor(() => events(inbox).some((e) => e.type === 'faults' && e.faults.some((f) => f.partitioned)), { what: 'the fault event' })
    editor.doc.getMap('test').set('cut-off', 1)
    await waitFor(() => events(inbox).some((e) => e.type === 'update' && e.leg.direction === 'in' && e.leg.fate.fate === 'dropped'), {
      what: "the partitioned editor's update shown as dropped",
    })
    sendFault(owner, { op: 'heal-all' })
    await waitFor(() => owner.doc.getMap('test').get('cut-off') === 1, { what: 'the healed edit to arrive', timeoutMs: 10_000 })
    await synced(editor)
    for (const client of [owner, editor, bystander]) sendReport(client)
    const converged = await waitFor(() => events(inbox).find((e) => e.type === 'converged'), { what: 'the convergence measurement' })
    expect(converged.type === 'converged' && converged.ms).toBeGreaterThanOrEqual(0)

    // Nobody else subscribed, so nobody else got telemetry.
    expect(bystanderInbox).toEqual([])
  })
})
