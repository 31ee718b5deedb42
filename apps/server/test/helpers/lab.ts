import { labServerMessageSchema, type FaultCommand, type LabServerMessage } from '@concord/shared'
import type { TestClient } from './collab.ts'

/** Every lab message a client received, parsed (the server must send only valid ones). */
export function labInbox(client: TestClient): LabServerMessage[] {
  const inbox: LabServerMessage[] = []
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    inbox.push(labServerMessageSchema.parse(JSON.parse(payload)))
  })
  return inbox
}

export function sendFault(client: TestClient, command: FaultCommand): void {
  client.provider.sendStateless(JSON.stringify({ channel: 'lab', type: 'fault', command }))
}
