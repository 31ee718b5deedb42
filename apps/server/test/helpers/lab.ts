import { boardDigest, LAB_CHANNEL, parseStateless, statelessServerMessageSchema, stateVectorOf, type FaultCommand, type LabEvent, type LabServerMessage } from '@concord/shared'
import { type TestClient } from '@concord/test-kit/collab-client'

/**
 * Every lab message a client received, parsed: other features' stateless messages (the viewer
 * count, board controls) are left out, and a lab message that does not parse fails the test.
 */
export function labInbox(client: TestClient): LabServerMessage[] {
  const inbox: LabServerMessage[] = []
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = parseStateless(statelessServerMessageSchema, payload)
    if (message?.channel !== LAB_CHANNEL) return
    if (message.type === 'invalid') throw new Error(`the server sent an invalid lab message: ${message.reason}`)
    inbox.push(message)
  })
  return inbox
}

export function sendFault(client: TestClient, command: FaultCommand): void {
  client.provider.sendStateless(JSON.stringify({ channel: 'lab', type: 'fault', command }))
}

export function subscribe(client: TestClient): void {
  client.provider.sendStateless(JSON.stringify({ channel: 'lab', type: 'subscribe' }))
}

/** Sends the client's self-report, as every tab does when its document changes. */
export function sendReport(client: TestClient, user: { name: string; color: string } | null = null): void {
  const report = {
    clientId: client.doc.clientID,
    stateVector: stateVectorOf(client.doc),
    digest: boardDigest(client.doc),
    user,
    pending: client.provider.unsyncedChanges,
  }
  client.provider.sendStateless(JSON.stringify({ channel: 'lab', type: 'report', report }))
}

/** The lab events in an inbox, in order. */
export function events(inbox: LabServerMessage[]): LabEvent[] {
  return inbox.flatMap((message) => (message.type === 'event' ? [message.event] : []))
}
